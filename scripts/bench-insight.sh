#!/usr/bin/env bash
# The insight part of `make bench` (run by scripts/bench-backend.sh): on the
# benchmark's synthetic catalog (backend/synthetic: 2,000 users, 300 roles,
# 848k grants), who can access and whole-database effective access
# (backend/access), the role graph (backend/rolegraph), and the server
# cross-check: the app's effective privileges against PostgreSQL's
# has_*_privilege for every login user, object and privilege, which must find
# no difference. Writes docs/bench/insight.md and fails on any difference.
#   RSMATE_TEST_DSN          a kept server: its synthetic catalog is reused (else a
#                            throwaway cluster, the catalog built on the way: minutes)
#   RSMATE_CROSSCHECK_CONNS  server connections of the cross-check (default 2)
#   RSMATE_BENCH_INSIGHT_OUT report path (default docs/bench/insight.md)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
out=${RSMATE_BENCH_INSIGHT_OUT:-docs/bench/insight.md}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bench_cluster "$tmp"

go test -c -o "$tmp/access.test" ./backend/access
go test -c -o "$tmp/rolegraph.test" ./backend/rolegraph
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
started=$(date -u '+%Y-%m-%d %H:%M UTC')

answers=(-test.run '^$' -test.bench 'WhoCanAccess|WholeDatabase|RoleGraph' -test.benchtime 20x -test.count 5 -test.benchmem -test.timeout 60m)
echo "== who can access, whole-database access, role graph (load average $(loadavg))"
load_answers=$(loadavg)
(cd backend/access && "$tmp/access.test" "${answers[@]}") | tee "$tmp/answers.txt" | grep -E '^(Benchmark|ok|FAIL)' || true

cross=(-test.run '^$' -test.bench 'ServerCrossCheck' -test.benchtime 1x -test.v -test.timeout 120m)
echo "== server cross-check, every user x object x privilege (load average $(loadavg))"
load_cross=$(loadavg)
cross_rc=0
(cd backend/access && "$tmp/access.test" "${cross[@]}") >"$tmp/cross.txt" 2>&1 || cross_rc=$?
load_cross_end=$(loadavg)
grep -E '^(Benchmark|--- FAIL|FAIL|ok)|users ×|server .*, app ' "$tmp/cross.txt" || true

graph=(-test.run '^$' -test.bench . -test.benchtime 50x -test.count 5)
echo "== role graph (load average $(loadavg))"
load_graph=$(loadavg)
(cd backend/rolegraph && "$tmp/rolegraph.test" "${graph[@]}") | tee "$tmp/graph.txt" | grep -E '^(Benchmark|ok|FAIL)' || true

# Median wall ms and CPU ms per benchmark over its -count runs.
medians() {
  awk '/^Benchmark/ {
    n = $1; sub(/-[0-9]+$/, "", n)
    for (i = 2; i < NF; i++) { if ($(i+1) == "ns/op") w[n] = w[n] " " $i / 1e6; if ($(i+1) == "cpu-ms/op") c[n] = c[n] " " $i
      if ($(i+1) == "holders" || $(i+1) == "cells" || $(i+1) == "nodes") a[n] = $i " " $(i+1) }
    if (!(n in seen)) { seen[n] = 1; order[++k] = n }
  }
  function med(s,   v, m, i, j, t) { m = split(s, v, " "); if (m == 0) return "–"
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return sprintf("%.1f", m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2) }
  END { for (i = 1; i <= k; i++) { n = order[i]; printf "| %s | %s | %s | %s |\n", n, a[n], med(w[n]), med(c[n]) } }' "$1"
}

summary=$(grep -m1 'users ×' "$tmp/cross.txt" | sed 's/^ *[a-z_]*\.go:[0-9]*: //' || true)
wall=$(awk '/^BenchmarkServerCrossCheck/ { for (i = 2; i < NF; i++) if ($(i+1) == "ns/op") printf "%.0f", $i / 1e9 }' "$tmp/cross.txt")
cpu=$(awk '/^BenchmarkServerCrossCheck/ { for (i = 2; i < NF; i++) if ($(i+1) == "cpu-ms/op") printf "%.0f", $i / 1e3 }' "$tmp/cross.txt")
differences=$(awk '/^BenchmarkServerCrossCheck/ { for (i = 2; i < NF; i++) if ($(i+1) == "differences") print $i }' "$tmp/cross.txt")

{
  echo "# Insight benchmarks: who can access, whole-database access, role graph, server cross-check"
  echo
  echo "Produced by \`make bench\` (scripts/bench-insight.sh, run by scripts/bench-backend.sh) on $started,"
  echo "on the synthetic catalog of \`backend/synthetic\` (2,000 users, 300 roles, 50 groups, 200 schemas ×"
  echo "100 tables, 2,000 functions, 848k grants) loaded by the PostgreSQL reader and indexed by"
  echo "\`catalog.NewIndex\`, as the app does."
  echo
  echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), shared with other work"
  echo "- $(go version | cut -d' ' -f3-), server $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  echo
  echo "\`cpu-ms/op\` is the Go process's user+system CPU time per operation (getrusage, garbage collection"
  echo "included): waiting for a core on a shared machine does not inflate it; wall time does."
  echo
  echo "## Server cross-check"
  echo
  echo "\`BenchmarkServerCrossCheckSyntheticCatalog\` (backend/access/synthetic_server_test.go, the check in"
  echo "bulkcheck_test.go) computes every login user's effective privileges as the app does and asks PostgreSQL"
  echo "for the same cells with has_database/schema/table/column/sequence/function/language_privilege: every"
  echo "user × every object of those kinds × every privilege of the kind. The server is sent the app's answer"
  echo "per batch of users and returns only the (user, object) pairs where it disagrees; it answers every cell"
  echo "(one call per pair for the privileges the app says are not held, one per held cell)."
  echo "\`TestEffectiveMatchesServerOnSmallSyntheticCatalog\` runs the same check in CI on the generator at"
  echo "small scale (200 users, 30 roles, 10 schemas × 20 tables)."
  echo
  echo "- **differences: ${differences:-not measured}**"
  echo "- $summary"
  echo "- wall ${wall:-?} s, Go process CPU ${cpu:-?} s (the server's CPU is not counted), ${RSMATE_CROSSCHECK_CONNS:-2} server connections"
  echo "- load average (1, 5, 15 min) at the start: $load_cross; at the end: $load_cross_end"
  echo
  echo "## Who can access, whole-database access, role graph"
  echo
  echo "Load average at the start: $load_answers. Medians of \`${answers[*]}\`:"
  echo
  echo "| benchmark | answer | wall ms/op | CPU ms/op |"
  echo "|---|---|---:|---:|"
  medians "$tmp/answers.txt"
  echo
  echo "WhoCanAccess: the table, schema and database with the most explicit grantees. WholeDatabaseEffective:"
  echo "the user with the most effective privileges of the first 100, over every schema. RoleGraph: every role"
  echo "and group, and the picture around that user and around the role with the most members. Budget: < 200 ms"
  echo "each."
  echo
  echo "## Role graph on an in-memory catalog"
  echo
  echo "Load average at the start: $load_graph. backend/rolegraph on an in-memory catalog of 300 roles and 2,000"
  echo "users in 3 roles each (rolegraph_test.go); medians of \`${graph[*]}\`:"
  echo
  echo "| benchmark | | wall ms/op | CPU ms/op |"
  echo "|---|---|---:|---:|"
  medians "$tmp/graph.txt"
  echo
  echo "## go test output"
  echo
  echo '```'
  grep -hE '^(Benchmark|goos|goarch|cpu|pkg|ok|PASS|FAIL|--- FAIL)|users ×|server .*, app ' "$tmp/answers.txt" "$tmp/cross.txt" "$tmp/graph.txt" | sed 's/^ *//'
  echo '```'
} >"$out"
echo "wrote $out"
if [ "$cross_rc" != 0 ] || [ "${differences:-x}" != 0 ]; then
  echo "the server cross-check failed or found differences (see $out)" >&2
  exit 1
fi
