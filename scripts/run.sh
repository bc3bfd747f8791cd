#!/usr/bin/env bash
# `make run`: installs what is missing, builds the app (reusing an up-to-date
# build: see scripts/build.sh) and opens it with the "Local sandbox" (a
# throwaway PostgreSQL seeded with a realistic access model, started by the app
# and stopped when its window closes).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
bash scripts/build.sh
[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || die "no display (DISPLAY is not set): run this on a desktop, or try 'make smoke' for a headless check"
log "opening Redshift Mate with the Local sandbox"
RSMATE_SANDBOX=1 exec build/bin/redshift-mate "$@"
