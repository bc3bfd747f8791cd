#!/usr/bin/env bash
# Smoke test of the production binary: `wails build`, start it under a display,
# see its window render (screenshot not blank), see its frontend reach the Go
# backend (the log line only a bound call answered through the Wails bridge
# writes), record size and memory, close the window like a user would, expect a
# clean exit. No fakes: the release binary has none.
# Uses $DISPLAY, or starts its own Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ART=artifacts/smoke
BIN=build/bin/redshift-mate
mkdir -p "$ART"
rm -f "$ART"/window.png "$ART"/metrics.txt "$ART"/app.log

APP_PID=""
XVFB_PID=""
WORK=$(mktemp -d)
cleanup() {
  local rc=$?
  [ -n "$APP_PID" ] && kill -KILL "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT INT TERM

ensure_display
CONVERT=$(convert_bin)

if [ "${RSMATE_FRONTEND_BUILT:-}" != 1 ]; then
  log "building the frontend"
  (cd frontend && npm run build)
fi
# -s: the frontend was just built; -m/-nosyncgomod/-skipbindings: leave go.mod and
# the generated bindings alone.
log "go tool wails build"
go tool wails build -s -m -nosyncgomod -skipbindings -nocolour -ldflags "$(app_ldflags)"
[ -x "$BIN" ] || die "$BIN was not built"

cc -O2 -o "$WORK/xclose" scripts/xclose.c -lX11 || die "cannot compile scripts/xclose.c (needs libx11-dev)"

log "starting $BIN on $DISPLAY"
started=$(date +%s.%N)
RSMATE_CONFIG_DIR="$WORK/config" "$BIN" >"$ART/app.log" 2>&1 &
APP_PID=$!

wait_app_window "$APP_PID" "$ART/app.log"
mapped=$(date +%s.%N)
log "window $WID mapped after $(awk -v a="$started" -v b="$mapped" 'BEGIN { printf "%.2f", b - a }') s"

# The page renders asynchronously: take screenshots until one is not blank.
shot_ok() {
  import -window "$WID" "$ART/window.png" 2>/dev/null || return 1
  sd=$("$CONVERT" "$ART/window.png" -format '%[fx:standard_deviation]' info:)
  colours=$("$CONVERT" "$ART/window.png" -format '%k' info:)
  awk -v sd="$sd" -v k="$colours" 'BEGIN { exit !(sd > 0.02 && k > 10) }'
}
sleep 3
wait_for 30 shot_ok || { cat "$ART/app.log" >&2; die "window stays blank (std dev ${sd:-?}, ${colours:-?} colours): $ART/window.png"; }
# app.FirstCallMarker: written when the first bound method called by the page
# returns without error.
MARKER='bridge: first bound call answered:'
bridge_ok() { grep -q "$MARKER" "$ART/app.log"; }
wait_for 30 bridge_ok || { cat "$ART/app.log" >&2; die "the frontend never reached the Go backend (no '$MARKER' in $ART/app.log)"; }
bridge=$(grep -m1 "$MARKER" "$ART/app.log" | sed "s/.*$MARKER *//")
log "the frontend reached the backend: first bound call $bridge"
geometry=$(xwininfo -id "$WID" | awk '/Width:/ {w=$2} /Height:/ {h=$2} END {print w "x" h}')

rss_kb=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
# WebKitGTK renders in helper processes; count them too.
helpers=$(pgrep -d, -P "$APP_PID" || true)
tree_kb=$(ps -o rss= -p "$APP_PID${helpers:+,$helpers}" | awk '{s+=$1} END {print s}')
size=$(stat -c %s "$BIN")
{
  echo "binary: $BIN"
  echo "binary_size_bytes: $size"
  echo "binary_size_mb: $(awk -v s="$size" 'BEGIN { printf "%.1f", s/1048576 }')"
  echo "rss_main_kb: $rss_kb"
  echo "rss_main_mb: $(awk -v s="$rss_kb" 'BEGIN { printf "%.1f", s/1024 }')"
  echo "rss_with_webkit_helpers_mb: $(awk -v s="$tree_kb" 'BEGIN { printf "%.1f", s/1024 }')"
  echo "window: $geometry"
  echo "first_bound_call: $bridge"
  echo "screenshot: $ART/window.png (std dev $sd, $colours colours)"
} | tee "$ART/metrics.txt"

# Close it the way a user does: WM_DELETE_WINDOW, what a window manager sends
# when the close button is clicked (Xvfb runs no window manager).
log "closing the window"
"$WORK/xclose" "$WID"
if ! wait_for 10 bash -c "! kill -0 $APP_PID 2>/dev/null"; then
  cat "$ART/app.log" >&2
  die "the app did not exit within 10 s of closing its window"
fi
status=0
wait "$APP_PID" || status=$?
APP_PID=""
[ "$status" = 0 ] || { cat "$ART/app.log" >&2; die "the app exited with status $status after its window was closed"; }
log "smoke: the app exited cleanly (status 0)"
