#!/usr/bin/env bash
# `make bench`: the catalog benchmarks on the synthetic catalog (backend/synthetic),
# in one go test run (the catalog is built once per run, or reused from
# RSMATE_TEST_DSN). The results, with the command, date and machine, are written
# to docs/bench/catalog-load.md; README figures quote that file. Then
# scripts/bench-ui.sh: start-up and UI timings (docs/bench/startup.md, ui.md).
#   RSMATE_BENCH_PAIRS  reader/psql pairs and LoadCatalog iterations (default 15, at least 10)
#   RSMATE_BENCH_OUT    report path (default docs/bench/catalog-load.md)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh

pairs=${RSMATE_BENCH_PAIRS:-15}
[ "$pairs" -ge 10 ] || { echo "RSMATE_BENCH_PAIRS must be at least 10" >&2; exit 2; }
out=${RSMATE_BENCH_OUT:-docs/bench/catalog-load.md}
mkdir -p "$(dirname "$out")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmd=(go test -run '^$' -bench 'LoadCatalog$|LoadVsPsql$' -benchtime "${pairs}x" -benchmem -v -timeout 120m ./backend/engine/postgres)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
RSMATE_BENCH_REPORT="$tmp/pairs.md" "${cmd[@]}" "$@" 2>&1 | tee "$tmp/log"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
[ -s "$tmp/pairs.md" ] || { echo "the psql comparison wrote no report (psql missing?)" >&2; exit 1; }

{
  echo "# Catalog load benchmarks"
  echo
  echo "Produced by \`make bench\` (scripts/bench.sh), which ran:"
  echo
  echo '```'
  for a in "${cmd[@]}" "$@"; do
    if [[ $a =~ [^A-Za-z0-9_./=-] ]]; then printf "'%s' " "$a"; else printf '%s ' "$a"; fi
  done
  echo
  echo '```'
  echo
  echo "- date: $started"
  echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), niceness $(ps -o ni= $$ | tr -d ' ')"
  echo "- load average (1, 5, 15 min) before: $load_before; after: $load_after"
  echo "- $(go version | cut -d' ' -f3-), $(psql --version), server $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  echo
  echo '```'
  free -h
  echo '```'
  echo
  echo "## Reader vs psql (BenchmarkLoadVsPsql)"
  echo
  echo "Both sides: wall time measured in the benchmark process around the same unit of work —"
  echo "connect, the catalog statements in one read-only repeatable-read transaction, every row"
  echo "received, disconnect. Reader: a fresh pgx connection + \`LoadCatalog\` (rows decoded into the"
  echo "snapshot) + close. psql: the whole process (start, connect, statements, output to /dev/null,"
  echo "exit). \`runtime.GC()\` runs before each side, outside the timing; collection during a side's"
  echo "work counts for that side. Pairs alternate which side runs first. The last column is psql"
  echo "connecting and running \`SELECT 1\` alone (its fixed cost within the psql side)."
  echo
  cat "$tmp/pairs.md"
  echo
  echo "## go test output"
  echo
  echo '```'
  grep -E '^(Benchmark|goos|goarch|cpu|pkg|ok|PASS|FAIL)|synthetic catalog|reusing' "$tmp/log" | sed 's/^ *//'
  echo '```'
} >"$out"
echo "wrote $out"

# Start-up against an empty Wails window and the UI at 100,000 users:
# docs/bench/startup.md and docs/bench/ui.md; a checked figure more than 10 %
# worse than the committed one (docs/bench/data) fails here.
bash scripts/bench-ui.sh
