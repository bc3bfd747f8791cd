#!/usr/bin/env bash
# UI timing benchmark (part of `make bench`): the production bundle
# (frontend/dist, `vite build`) served by the app's dev-mode server with the
# real Go bindings, on the Local sandbox's synthetic catalog (backend/synthetic:
# 2,000 users, 300 roles, 848k grants) grown to RSMATE_BENCH_UI_USERS login
# users, timed by frontend/e2e/bench-ui.mjs in Chromium. Writes its JSON to $1.
#   RSMATE_BENCH_UI_USERS  users in the catalog (default 100000)
#   RSMATE_BENCH_UI_RUNS   repetitions per measure (default 7)
#   RSMATE_BENCH_UI_PORT   port of the app's server (default: a free one)
#   RSMATE_BENCH_UI_SHOTS  a directory for screenshots of the Users list (light, dark)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
out=${1:?usage: bench-ui-run.sh OUT.json}
users=${RSMATE_BENCH_UI_USERS:-100000}
port=${RSMATE_BENCH_UI_PORT:-$(free_port)}

APP_PID=""
XVFB_PID=""
WORK=$(mktemp -d)
mkdir -p "$WORK/tmp" "$WORK/config"
chmod 755 "$WORK" "$WORK/tmp"
cleanup() {
  local rc=$?
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    wait_for 20 bash -c "! kill -0 $APP_PID 2>/dev/null" || kill_group "$APP_PID" KILL
  fi
  stop_postmasters_under "$WORK/tmp"
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT INT TERM
port_open 127.0.0.1 "$port" && die "port $port is already in use"
unset DISPLAY
ensure_display

# The production bundle, and the app built in Wails' dev mode (which serves
# frontend/dist to a browser on -devserver) but optimised like a release.
log "building the production bundle"
(cd frontend && npm run build) >&2
log "building the app in dev mode (serves frontend/dist on port $port)"
go build -tags dev -o "$WORK/rsmate-dev" .

log "starting it with the synthetic catalog at $users users (builds in a few minutes)"
RSMATE_SANDBOX=1 RSMATE_SANDBOX_SCALE=big RSMATE_SANDBOX_USERS=$users RSMATE_CONFIG_DIR=$WORK/config TMPDIR=$WORK/tmp \
  setsid "$WORK/rsmate-dev" -devserver "localhost:$port" -assetdir frontend/dist -loglevel Warning >"$WORK/app.log" 2>&1 </dev/null &
APP_PID=$!
ready() {
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; die "the app exited"; }
  grep -q "synthetic catalog: $users users" "$WORK/app.log"
}
started=$SECONDS
wait_for 1800 ready || { tail -n 40 "$WORK/app.log" >&2; die "the synthetic catalog was not ready within 30 min"; }
log "catalog ready after $((SECONDS - started)) s"
wait_for 60 port_open 127.0.0.1 "$port" || die "nothing listens on port $port"

BENCH_SHOTS=${RSMATE_BENCH_UI_SHOTS:-} BENCH_BASE_URL="http://localhost:$port" BENCH_RUNS=${RSMATE_BENCH_UI_RUNS:-7} BENCH_JSON=$out node frontend/e2e/bench-ui.mjs
