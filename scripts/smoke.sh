#!/usr/bin/env bash
# Smoke test of the production binary: `wails build`, start it under a display,
# see its window render (screenshot not blank), see its frontend reach the Go
# backend (the log line only a bound call answered through the Wails bridge
# writes), record size and memory, close the window like a user would, expect a
# clean exit; then start it again and see it show the first screen the first
# start saved (frontend/index.html) before its code renders over it. No fakes:
# the release binary has none.
# Uses $DISPLAY, or starts its own Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ART=artifacts/smoke
BIN=build/bin/redshift-mate
mkdir -p "$ART"
rm -f "$ART"/window.png "$ART"/window-second.png "$ART"/window-second-typed.png "$ART"/metrics.txt "$ART"/app.log "$ART"/app-second.log

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

# A home of its own: the first start finds no saved first screen.
export RSMATE_CONFIG_DIR="$WORK/config" XDG_DATA_HOME="$WORK/data"
log "starting $BIN on $DISPLAY"
started=$(date +%s.%N)
"$BIN" >"$ART/app.log" 2>&1 &
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

# app.PaintedMarker, app.InteractiveMarker, app.SavedFirstScreenNote.
PAINTED='window: content painted'
INTERACTIVE='window: interactive'
SAVED='(the first screen saved at the last start)'
# log_has LOG TEXT
log_has() { grep -qF -- "$2" "$1"; }

# close_app LOG: closes the window the way a user does: WM_DELETE_WINDOW, what a
# window manager sends when the close button is clicked (Xvfb runs no window
# manager); expects a clean exit.
close_app() {
  log "closing the window"
  "$WORK/xclose" "$WID"
  if ! wait_for 10 bash -c "! kill -0 $APP_PID 2>/dev/null"; then
    cat "$1" >&2
    die "the app did not exit within 10 s of closing its window"
  fi
  status=0
  wait "$APP_PID" || status=$?
  APP_PID=""
  [ "$status" = 0 ] || { cat "$1" >&2; die "the app exited with status $status after its window was closed"; }
  log "smoke: the app exited cleanly (status 0)"
}

wait_for 30 log_has "$ART/app.log" "$INTERACTIVE" || { cat "$ART/app.log" >&2; die "no '$INTERACTIVE' line in $ART/app.log"; }
log_has "$ART/app.log" "$PAINTED" || die "no '$PAINTED' line in $ART/app.log"
! log_has "$ART/app.log" "$SAVED" || die "the first start showed a saved first screen, yet none can have been saved"
close_app "$ART/app.log"

# The second start: the page shows the first screen the first one saved, then
# the app's code renders over it.
log "starting $BIN again"
"$BIN" >"$ART/app-second.log" 2>&1 &
APP_PID=$!
wait_app_window "$APP_PID" "$ART/app-second.log"
wait_for 30 log_has "$ART/app-second.log" "$INTERACTIVE" || { cat "$ART/app-second.log" >&2; die "no '$INTERACTIVE' line in the second start's log"; }
grep -F -- "$PAINTED" "$ART/app-second.log" | grep -qF -- "$SAVED" ||
  { cat "$ART/app-second.log" >&2; die "the second start did not show the first screen the first one saved"; }
second_shot() {
  import -window "$WID" "$ART/window-second.png" 2>/dev/null || return 1
  "$CONVERT" "$ART/window-second.png" -format '%[fx:standard_deviation]' info: | awk '{ exit !($1 > 0.02) }'
}
wait_for 30 second_shot || die "the second start's window stays blank: $ART/window-second.png"
# The app's code has taken over: its search field takes keys (the saved screen
# it replaced was inert). Type into it and see the window change.
"$CONVERT" "$ART/window-second.png" "$WORK/before-typing.png"
xdotool windowfocus --sync "$WID" 2>/dev/null || xdotool windowfocus "$WID"
sleep 0.3
xdotool key --clearmodifiers ctrl+k
xdotool type --delay 40 'zzzz'
typed() {
  import -window "$WID" "$ART/window-second-typed.png" 2>/dev/null || return 1
  # The top of the sidebar, where the search field is (a notice may come and
  # go elsewhere meanwhile).
  px=$("$CONVERT" "$WORK/before-typing.png" "$ART/window-second-typed.png" -crop 270x70+0+50 +repage -metric AE -compare -format '%[distortion]' info: 2>/dev/null || true)
  awk -v n="${px:-0}" 'BEGIN { exit !(n > 50) }'
}
wait_for 10 typed || die "the second start's window does not take keys after its code rendered (${px:-?} pixels changed): $ART/window-second-typed.png"
log "second start: $(grep -F -- "$PAINTED" "$ART/app-second.log" | sed 's/^.*window: //'); $(grep -F -- "$INTERACTIVE" "$ART/app-second.log" | sed 's/^.*window: //')"
close_app "$ART/app-second.log"
