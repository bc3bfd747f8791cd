#!/usr/bin/env bash
# Builds the production binary build/bin/redshift-mate (frontend first), with
# the version from `git describe` linked into backend/buildinfo.
# Up-to-date builds are reused: the frontend is rebuilt only when its sources
# changed since the last build, the Go binary only when the Go sources, the
# embedded files, the frontend build or the arguments changed
# (RSMATE_REBUILD=1 forces both). Extra arguments go to `wails build`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
[ "${RSMATE_SKIP_DEPS:-}" = 1 ] || bash scripts/deps.sh

BIN=build/bin/redshift-mate
[[ " $* " == *" -platform windows"* ]] && BIN=build/bin/redshift-mate.exe

# inputs_hash PATH...: a hash of the names, sizes and mtimes of the files
# under PATHs (cheap: no file is read). `wails build` rewrites the runtime
# bindings (same content, new mtime) on every build: they are left out.
inputs_hash() {
  { find "$@" \( -name node_modules -o -name .git -o -path ./frontend -o -path ./build/bin -o -path ./artifacts -o -path ./dist -o -path ./docs -o -path frontend/src/wailsjs/runtime \) -prune \
    -o -type f -printf '%p %T@ %s\n' 2>/dev/null || true; } | LC_ALL=C sort | sha256sum | cut -d' ' -f1
}

fe_stamp=frontend/dist/.rsmate-build-stamp
fe_hash=$(inputs_hash frontend/src frontend/index.html frontend/package.json frontend/package-lock.json \
  frontend/vite.config.ts frontend/tsconfig.json frontend/postcss.config.cjs)
if [ "${RSMATE_REBUILD:-}" != 1 ] && [ -f frontend/dist/index.html ] && [ "$(cat "$fe_stamp" 2>/dev/null)" = "$fe_hash" ]; then
  log "frontend: up to date (no source changed since the last build)"
else
  log "building the frontend"
  (cd frontend && npm run build)
  echo "$fe_hash" >"$fe_stamp"
fi

# The Go build embeds frontend/dist, so its stamp covers that too; the version
# string covers commits and the dirty flag.
# The binary's own mtime is part of the stamp: another script's `wails build`
# (smoke, real dialogs) replaces it without the version flags.
go_stamp=$BIN.stamp
go_hash=$( { inputs_hash . ; find frontend/dist -type f -printf '%p %T@ %s\n' | LC_ALL=C sort; echo "$* $(app_version)"; } | sha256sum | cut -d' ' -f1)
bin_id() { stat -c '%.9Y.%s' "$BIN" 2>/dev/null; }
if [ "${RSMATE_REBUILD:-}" != 1 ] && [ -x "$BIN" ] && [ "$(cat "$go_stamp" 2>/dev/null)" = "$go_hash $(bin_id)" ]; then
  log "$BIN: up to date (no input changed since it was built)"
  exit 0
fi
# -s: frontend built above; -m/-nosyncgomod/-skipbindings: leave go.mod and the
# committed bindings alone (`make bindings` regenerates them).
log "go tool wails build $* (version $(app_version))"
rm -f "$go_stamp"
go tool wails build -s -m -nosyncgomod -skipbindings -nocolour -ldflags "$(app_ldflags)" "$@"
echo "$go_hash $(bin_id)" >"$go_stamp"
log "built $BIN ($(du -h "$BIN" | cut -f1))"
