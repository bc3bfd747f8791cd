#!/usr/bin/env bash
# Builds the production binary build/bin/redshift-mate (frontend first).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
bash scripts/deps.sh
log "building the frontend"
(cd frontend && npm run build)
# -s: frontend built above; -m/-nosyncgomod/-skipbindings: leave go.mod and the
# committed bindings alone (`make bindings` regenerates them).
log "go tool wails build"
go tool wails build -s -m -nosyncgomod -skipbindings -nocolour "$@"
log "built build/bin/redshift-mate ($(du -h build/bin/redshift-mate | cut -f1))"
