#!/usr/bin/env bash
# Start-up benchmark (part of `make bench`): the release binary against an empty
# Wails v2 window built here from scripts/emptywails (never committed as a
# binary), launched in interleaved rounds under a display (the app, the empty
# window, and the app without the first screen it saves for the next start);
# time from exec to the first painted content and to the app's code having
# rendered it, main-process RSS and PSS with WebKit helpers.
# Writes the JSON summary to $1 (scripts/bench_startup.py does the measuring).
#   RSMATE_BENCH_STARTUP_ROUNDS  rounds of three launches (default 9, at least 7)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
out=${1:?usage: bench-startup.sh OUT.json}
rounds=${RSMATE_BENCH_STARTUP_ROUNDS:-9}
[ "$rounds" -ge 7 ] || die "RSMATE_BENCH_STARTUP_ROUNDS must be at least 7"

XVFB_PID=""
WORK=$(mktemp -d)
trap '[ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
# A display of its own, so no other window competes for it.
unset DISPLAY
ensure_display

RSMATE_SKIP_DEPS=1 bash scripts/build.sh >&2

log "building the empty Wails window"
mkdir -p "$WORK/empty/frontend/dist"
cp scripts/emptywails/main.go.txt "$WORK/empty/main.go"
cp scripts/emptywails/index.html "$WORK/empty/frontend/dist/index.html"
# The app's go.mod under another name: the same Wails and dependency versions.
sed 's/^module .*/module emptywails/' go.mod >"$WORK/empty/go.mod"
cp go.sum "$WORK/empty/go.sum"
# The same tags and flags `wails build` gives the release binary.
(cd "$WORK/empty" && GOFLAGS=-mod=mod go build -tags desktop,production -ldflags '-w -s' -o empty-wails .)

log "launching build/bin/redshift-mate and the empty window, $rounds interleaved rounds of three"
python3 scripts/bench_startup.py --app build/bin/redshift-mate --empty "$WORK/empty/empty-wails" --rounds "$rounds" --json "$out"
