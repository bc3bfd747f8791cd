#!/usr/bin/env bash
# The backend part of `make bench`: catalog load at 1×, 2×, 4×, 8× the synthetic
# catalog's grants (memory per grant, peak RSS, the reader against a raw pgx read
# and psql), and the screens' calls at 100,000 users. Writes docs/bench/backend.md,
# prints it, and fails when a figure regressed more than 10 % against the
# committed docs/bench/backend.json (scripts/benchreport). Then
# scripts/bench-insight.sh on the same server: docs/bench/insight.md.
#   RSMATE_BENCH_SCALES   scales to load (default "1 2 4 8")
#   RSMATE_BENCH_PAIRS    rounds of reader/raw/psql per scale (default 5, at least 5)
#   RSMATE_BENCH_UPDATE=1 commit this run's figures as the new baseline
#   RSMATE_TEST_DSN       a kept server: the grown catalogs are built once and reused
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
bash scripts/deps.sh

scales=${RSMATE_BENCH_SCALES:-1 2 4 8}
pairs=${RSMATE_BENCH_PAIRS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
go test -c -o "$tmp/postgres.test" ./backend/engine/postgres
go test -c -o "$tmp/catalog.test" ./backend/catalog

bench_cluster "$tmp"

for k in $scales; do
  echo "== catalog load ${k}× (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  (cd backend/engine/postgres && RSMATE_BENCH_SCALE=$k RSMATE_BENCH_PAIRS=$pairs RSMATE_BENCH_JSON="$tmp/load.jsonl" \
    "$tmp/postgres.test" -test.run '^$' -test.bench '^BenchmarkLoadScale$' -test.benchtime 1x -test.v -test.timeout 120m) \
    | grep -E '^(Benchmark|ok|FAIL|PASS)|synthetic' || true
  grep -q "\"scale\":$k," "$tmp/load.jsonl" || { echo "scale ${k}×: no result" >&2; exit 1; }
done

echo "== screens at 100,000 users (load average $(cut -d' ' -f1-3 /proc/loadavg))"
(cd backend/catalog && RSMATE_BENCH_JSON="$tmp/screens.jsonl" "$tmp/catalog.test" -test.run '^$' -test.bench . \
  -test.benchtime 20x -test.count 5 -test.benchmem -test.timeout 60m) | grep -E '^Benchmark' || true
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# Backend benchmarks"
  echo
  echo "Produced by \`make bench\` (scripts/bench-backend.sh, report by scripts/benchreport) on $started."
  echo
  echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), shared with other work"
  echo "- load average (1, 5, 15 min) before: $load_before; after: $load_after"
  echo "- $(go version | cut -d' ' -f3-), $(psql --version), server $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  echo "- scales: $scales; rounds per scale: $pairs; screens: \`-bench . -benchtime 20x -count 5\`"
} >"$tmp/header.md"

update=()
[ "${RSMATE_BENCH_UPDATE:-}" = 1 ] && update=(-update)
report_rc=0
go run ./scripts/benchreport -load "$tmp/load.jsonl" -screens "$tmp/screens.jsonl" -header "$tmp/header.md" \
  -baseline docs/bench/backend.json -out docs/bench/backend.md "${update[@]}" || report_rc=$?

# Who can access, whole-database access, the role graph and the server
# cross-check, on the same server's synthetic catalog: docs/bench/insight.md.
bash scripts/bench-insight.sh
exit "$report_rc"
