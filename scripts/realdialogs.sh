#!/usr/bin/env bash
# The production binary with its real native dialogs, under Xvfb, driven like a
# user would: real X clicks and keys (xdotool), widgets found by their
# accessible names (scripts/a11y.py, AT-SPI) instead of pixel positions.
#   1. the release binary holds no scripted dialogs (symbols and strings)
#   2. Import connections… through the real GTK Open dialog (Ctrl+L, path, Enter)
#   3. a queued drop, Review SQL, Save .sql through the real Save dialog
#   4. Apply → the real confirmation answered "No": nothing changed on the server
#   5. Apply → "Yes": the user is gone on the server
#   6. a dialog process that crashes is an error in the app, which lives on
# Screenshots of every step go to artifacts/realdialogs/. Ends with
# "N passed, N failed". Uses $DISPLAY or its own Xvfb, and the session D-Bus
# (started here when there is none) for the accessibility bus.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  RSMATE_REALDIALOGS_OWN_BUS=1 exec dbus-run-session -- bash "$0" "$@"
fi

ART=artifacts/realdialogs
BIN=build/bin/redshift-mate
A11Y=scripts/a11y.py
mkdir -p "$ART"
rm -f "$ART"/*.png "$ART"/*.log "$ART"/*.sql 2>/dev/null || true

APP_PID=""
XVFB_PID=""
KEYRING_PID=""
WORK=$(mktemp -d)
RUN_TMP=$(mktemp -d)   # the sandbox cluster lives under here (TMPDIR)
chmod 755 "$RUN_TMP"
cleanup() {
  local rc=$?
  [ -n "$APP_PID" ] && kill -KILL "$APP_PID" 2>/dev/null || true
  [ -n "$KEYRING_PID" ] && kill "$KEYRING_PID" 2>/dev/null || true
  stop_postmasters_under "$RUN_TMP"
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK" "$RUN_TMP"
  exit "$rc"
}
trap cleanup EXIT INT TERM

ensure_display
if [ "${RSMATE_REALDIALOGS_OWN_BUS:-}" = 1 ]; then
  # Our own session bus: give it an unlocked keyring (as scripts/test.sh does),
  # or D-Bus starts a locked one whose password prompt covers the window.
  mkdir -p "$WORK/keyring"
  echo -n test | XDG_DATA_HOME="$WORK/keyring" gnome-keyring-daemon --foreground --unlock --components=secrets \
    >/dev/null 2>&1 &
  KEYRING_PID=$!
  wait_for 20 bash -c "dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'" ||
    log "warning: no Secret Service; the app may show a keyring prompt"
fi
# GTK reaches the accessibility bus through the session bus.
unset NO_AT_BRIDGE

if [ "${RSMATE_FRONTEND_BUILT:-}" != 1 ]; then
  log "building the frontend"
  (cd frontend && npm run build)
fi
log "go tool wails build (the release binary: no build tags)"
go tool wails build -s -m -nosyncgomod -skipbindings -nocolour -ldflags "$(app_ldflags)" >"$ART/build.log" 2>&1 || { cat "$ART/build.log" >&2; die "wails build failed"; }
[ -x "$BIN" ] || die "$BIN was not built"
cc -O2 -o "$WORK/xclose" scripts/xclose.c -lX11 || die "cannot compile scripts/xclose.c (needs libx11-dev)"

PASSED=0 FAILED=0
pass() { PASSED=$((PASSED + 1)); printf '\033[1;32mPASS\033[0m %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf '\033[1;31mFAIL\033[0m %s: %s\n' "$1" "$2"; }
finish() {
  echo "$PASSED passed, $FAILED failed"
  exit $((FAILED > 0))
}
shot() { # shot NAME: the whole screen (the app and any dialog over it)
  sleep 0.7   # the accessibility tree runs ahead of the software-rendered paint
  import -window root "$ART/$1.png" 2>/dev/null || true
}

# ── 1. The release binary holds no fake dialogs ──────────────────────────────
t="release binary has no scripted dialogs (no FakePlatform function, no RSMATE_FAKE_ string)"
# wails build strips the symbol table, but Go keeps every linked function's
# name in the binary (pclntab, for stack traces): a plain byte search finds them.
if ! grep -aq 'nativedialog.(\*Runner).Run' "$BIN" || ! grep -aq 'RSMATE_DIALOG_CHILD' "$BIN"; then
  fail "$t" "the check cannot see function names or strings in $BIN (no nativedialog.(*Runner).Run / RSMATE_DIALOG_CHILD)"
elif grep -aq 'FakePlatform' "$BIN"; then
  fail "$t" "the binary links $(grep -ao '[a-zA-Z.()*]*FakePlatform[a-zA-Z.()*]*' "$BIN" | sort -u | head -n3 | tr '\n' ' ')"
elif grep -aq 'RSMATE_FAKE_' "$BIN"; then
  fail "$t" "the binary contains the string RSMATE_FAKE_"
else
  pass "$t"
fi

# ── Start the app ────────────────────────────────────────────────────────────
PG_PORT=$(free_port)
PG_PASSWORD=$(random_hex 12)
psql_sb() { PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=10 psql -X -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U rsmate_admin -d analytics -c "$1"; }
mkdir -p "$WORK/home" "$WORK/config" "$WORK/files"
log "starting $BIN (sandbox PostgreSQL on port $PG_PORT)"
# Even if the variable is set, the release binary must show real dialogs.
HOME=$WORK/home TMPDIR=$RUN_TMP RSMATE_CONFIG_DIR=$WORK/config RSMATE_SANDBOX=1 \
  RSMATE_SANDBOX_PORT=$PG_PORT RSMATE_SANDBOX_PASSWORD=$PG_PASSWORD RSMATE_FAKE_DIALOGS=1 \
  "$BIN" >"$ART/app.log" 2>&1 &
APP_PID=$!

wait_app_window "$APP_PID" "$ART/app.log"
wait_for 120 port_open 127.0.0.1 "$PG_PORT" || die "the sandbox PostgreSQL did not come up on port $PG_PORT"
wait_for 60 psql_sb 'SELECT 1' >/dev/null 2>&1 || die "cannot query the sandbox"
"$A11Y" wait 'Open the Local sandbox' --role 'push button' --timeout 60 || { "$A11Y" dump >"$ART/a11y-tree.txt" 2>&1; die "the page never showed (accessibility tree in $ART/a11y-tree.txt)"; }
shot 1-started

alive() { kill -0 "$APP_PID" 2>/dev/null; }
# dialog_window TITLE: the id of the visible native dialog window with that title.
DLG=""
dialog_window() {
  DLG=$(xdotool search --onlyvisible --name "^$1\$" 2>/dev/null | head -n1 || true)
  [ -n "$DLG" ]
}
# GTK file chooser: Ctrl+L opens the location field; the typed path replaces
# what is there; Enter accepts.
type_path() {
  xdotool windowfocus --sync "$DLG" 2>/dev/null || xdotool windowfocus "$DLG"
  sleep 0.3
  xdotool key --clearmodifiers ctrl+l
  sleep 0.3
  xdotool key --clearmodifiers ctrl+a
  xdotool type --delay 15 "$1"
  sleep 0.3
}
# The GTK message dialog's buttons, found by name in its accessibility tree.
answer() { "$A11Y" click "$1" --role 'push button' --timeout 15; }
dialog_gone() { ! xdotool search --onlyvisible --name "^$1\$" >/dev/null 2>&1; }
dialog_child_pid() { # the running dialog process (a child of the app marked RSMATE_DIALOG_CHILD)
  local p
  for p in $(pgrep -P "$APP_PID" 2>/dev/null || true); do
    if tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | grep -qx 'RSMATE_DIALOG_CHILD=1'; then echo "$p"; return 0; fi
  done
  return 1
}

# ── 2. Import a profiles file through the real Open dialog ───────────────────
t="Import connections… through the real Open dialog adds the file's profile"
IMPORT_NAME="Imported through the real dialog"
cat >"$WORK/files/team-connections.json" <<JSON
{"format": "redshift-mate-connections", "version": 1, "profiles": [
  {"name": "$IMPORT_NAME", "engine": "postgres", "host": "db.example.internal", "port": 5432,
   "database": "app", "user": "alice", "sslMode": "verify-full", "connectTimeoutSec": 10}
]}
JSON
step2() {
  "$A11Y" click 'More connection actions' || return 1
  "$A11Y" click 'Import connections…' --role 'menu item' --timeout 10 || return 1
  wait_for 20 dialog_window 'Open File' || { echo "no Open File dialog"; return 1; }
  shot 2a-import-open-dialog
  type_path "$WORK/files/team-connections.json"
  shot 2b-import-path-typed
  xdotool key --clearmodifiers Return
  wait_for 15 dialog_gone 'Open File' || { echo "the Open dialog stayed open"; return 1; }
  wait_for 15 grep -q "\"$IMPORT_NAME\"" "$WORK/config/profiles.json" || { echo "profiles.json lacks the imported profile"; return 1; }
  "$A11Y" wait "$IMPORT_NAME" --role 'list item' --timeout 15 || { echo "the sidebar does not list it"; return 1; }
  shot 2c-imported
}
if out=$(step2 2>&1) && alive; then pass "$t"; else shot 2x-import-failed; fail "$t" "$out$(alive || echo ' (the app died)')"; finish; fi

# ── 3. Queue a drop, Review SQL, Save .sql through the real Save dialog ─────
VICTIM=rd_victim_$(random_hex 3)
psql_sb "CREATE ROLE $VICTIM LOGIN" >/dev/null
t="Save .sql through the real Save dialog (opened in the last folder used) writes the reviewed script"
SQL_OUT=$WORK/files/reviewed-drop.sql
step3() {
  "$A11Y" click 'Open the Local sandbox' --role 'push button' || return 1
  "$A11Y" click 'Users.*' --role 'page tab' --timeout 60 || return 1
  "$A11Y" click 'Search users' --role 'entry' || return 1
  xdotool type --delay 60 "$VICTIM"
  "$A11Y" click "$VICTIM" --role 'list item' --timeout 15 || return 1
  "$A11Y" click "More actions for $VICTIM" --timeout 15 || return 1
  "$A11Y" click 'Drop user…' --role 'menu item' --timeout 10 || return 1
  "$A11Y" wait 'Queue drop user' --role 'push button' --timeout 10 || return 1
  shot 3a-drop-dialog
  "$A11Y" click 'Queue drop user' --role 'push button' --timeout 10 || return 1
  "$A11Y" click 'Pending changes.*' --role 'push button' --timeout 10 || return 1
  sleep 1 # the tray slides in: a click at its button's old place would miss
  "$A11Y" click 'Review SQL' --role 'push button' --timeout 15 || return 1
  "$A11Y" click 'Save .sql' --role 'push button' --timeout 15 || return 1
  wait_for 20 dialog_window 'Save File' || { echo "no Save File dialog"; return 1; }
  shot 3b-save-dialog
  # The chooser's path bar names the folder it opened in: the import's folder.
  "$A11Y" wait 'files' --role 'toggle button' --timeout 10 ||
    { echo "the Save dialog did not open in the folder of the last file chosen ($WORK/files)"; return 1; }
  type_path "$SQL_OUT"
  shot 3c-save-path-typed
  xdotool key --clearmodifiers Return
  wait_for 15 dialog_gone 'Save File' || { echo "the Save dialog stayed open"; return 1; }
  wait_for 15 test -s "$SQL_OUT" || { echo "$SQL_OUT was not written"; return 1; }
  cp "$SQL_OUT" "$ART/reviewed-drop.sql"
  grep -Eq "^DROP (ROLE|USER) \"?$VICTIM\"?;" "$SQL_OUT" || { echo "the script lacks the DROP of $VICTIM:"; cat "$SQL_OUT"; return 1; }
  "$A11Y" wait 'Script saved' --text --timeout 10 || { echo "the app does not say the script was saved"; return 1; }
  shot 3d-saved
}
if out=$(step3 2>&1) && alive; then pass "$t"; else shot 3x-save-failed; fail "$t" "$out$(alive || echo ' (the app died)')"; finish; fi

# ── 4. Apply, answer the real confirmation "No": nothing changes ────────────
CONFIRM_TITLE='Apply changes that remove access'
victim_count() { psql_sb "SELECT count(*) FROM pg_roles WHERE rolname = '$VICTIM'"; }
t="answering No to the real destructive confirmation applies nothing on the server"
step4() {
  "$A11Y" click 'Apply [0-9]+ statements?' --role 'push button' || return 1
  wait_for 20 dialog_window "$CONFIRM_TITLE" || { echo "no confirmation dialog"; return 1; }
  shot 4a-confirm-dialog
  "$A11Y" wait "(?s).*Drop user $VICTIM.*" --text --timeout 10 || { echo "the confirmation does not name the drop"; return 1; }
  answer 'No' || return 1
  wait_for 15 dialog_gone "$CONFIRM_TITLE" || { echo "the confirmation stayed open"; return 1; }
  # The app settles the refusal; the Apply button is offered again.
  "$A11Y" wait 'Apply [0-9]+ statements?' --role 'push button' --timeout 15 || return 1
  shot 4b-answered-no
  [ "$(victim_count)" = 1 ] || { echo "$VICTIM was dropped although the answer was No"; return 1; }
}
if out=$(step4 2>&1) && alive; then pass "$t"; else shot 4x-no-failed; fail "$t" "$out$(alive || echo ' (the app died)')"; finish; fi

# ── 5. Apply again, answer "Yes": the user is dropped ───────────────────────
t="answering Yes to the real destructive confirmation drops the user on the server"
step5() {
  "$A11Y" click 'Apply [0-9]+ statements?' --role 'push button' || return 1
  wait_for 20 dialog_window "$CONFIRM_TITLE" || { echo "no confirmation dialog"; return 1; }
  shot 5a-confirm-again
  answer 'Yes' || return 1
  wait_for 15 dialog_gone "$CONFIRM_TITLE" || { echo "the confirmation stayed open"; return 1; }
  wait_for 30 bash -c "[ \"\$(PGPASSWORD=$PG_PASSWORD psql -X -A -t -h 127.0.0.1 -p $PG_PORT -U rsmate_admin -d analytics -c \"SELECT count(*) FROM pg_roles WHERE rolname = '$VICTIM'\")\" = 0 ]" ||
    { echo "$VICTIM still exists after Yes"; return 1; }
  "$A11Y" gone 'Apply [0-9]+ statements?' --role 'push button' --timeout 30 ||
    { echo "the app still offers to apply the plan that ran"; return 1; }
  shot 5b-answered-yes
  # The tray shows the apply's result until the user closes it.
  "$A11Y" click 'Done' --role 'push button' --timeout 15 || { echo "no Done button on the apply result"; return 1; }
}
if out=$(step5 2>&1) && alive; then pass "$t"; else shot 5x-yes-failed; fail "$t" "$out$(alive || echo ' (the app died)')"; finish; fi

# ── 6. A crashing dialog process is an error, not the app's end ─────────────
t="a dialog process killed with SIGABRT is reported as an error and the app lives on"
step6() {
  "$A11Y" click 'More connection actions' || return 1
  "$A11Y" click 'Import connections…' --role 'menu item' --timeout 10 || return 1
  wait_for 20 dialog_window 'Open File' || { echo "no Open File dialog"; return 1; }
  local pid
  pid=$(dialog_child_pid) || { echo "no dialog process under the app (pid $APP_PID)"; return 1; }
  kill -ABRT "$pid"
  wait_for 15 dialog_gone 'Open File' || { echo "the dialog outlived its process"; return 1; }
  "$A11Y" wait 'Import failed' --text --timeout 15 || { echo "the app shows no import error"; return 1; }
  shot 6a-dialog-crashed
  alive || { echo "the app died with its dialog"; return 1; }
}
if out=$(step6 2>&1) && alive; then pass "$t"; else shot 6x-crash-failed; fail "$t" "$out$(alive || echo ' (the app died)')"; fi

# Close like a user; the app must exit cleanly.
"$WORK/xclose" "$WID" || true
wait_for 15 bash -c "! kill -0 $APP_PID 2>/dev/null" || log "the app did not exit within 15 s of closing its window"
APP_PID=""
finish
