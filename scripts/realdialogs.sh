#!/usr/bin/env bash
# The production binary with its real native dialogs, under Xvfb, driven like a
# user would: real X clicks and keys (xdotool), widgets found by their
# accessible names (scripts/a11y.py, AT-SPI) instead of pixel positions.
#   1. the release binary holds no scripted dialogs (symbols and strings)
#   2. Import connections… through the real GTK Open dialog (Ctrl+L, path, Enter)
#   3. a queued drop, Review SQL, Save .sql through the real Save dialog
#   4. Apply → the real confirmation answered "No": nothing changed on the server
#   5. Apply → "Yes": the user is gone on the server
#   6. an export's Save dialog cancelled: no file, no "Exported"
#   7-10. the database's grants (SQL script, CSV) and access review (HTML, CSV)
#      through the real Save dialog: the proposed name and filter, the file at
#      the chosen path, its content (the SQL script replayed on a copy of the
#      database without grants gives the same privileges)
#   11. Offboard… → the real confirmation answered "No": nothing changed
#   12. Offboard… → "Yes": the user is gone in every database, what they owned
#      belongs to the successor
#   13. a dialog process that crashes is an error in the app, which lives on
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
rm -f "$ART"/*.png "$ART"/*.log "$ART"/*.sql "$ART"/*.csv "$ART"/*.html "$ART"/*.txt 2>/dev/null || true

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
STEP_START=$SECONDS # each result says how long its step took (wall clock)
took() { TOOK=$((SECONDS - STEP_START)); STEP_START=$SECONDS; }
pass() { took; PASSED=$((PASSED + 1)); printf '\033[1;32mPASS\033[0m %s (%d s)\n' "$1" "$TOOK"; }
fail() { took; FAILED=$((FAILED + 1)); printf '\033[1;31mFAIL\033[0m %s (%d s): %s\n' "$1" "$TOOK" "$2"; }
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
psql_db() { # psql_db DATABASE SQL: one query on the sandbox as its admin
  PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=10 psql -X -A -t -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U rsmate_admin -d "$1" -c "$2"
}
psql_sb() { psql_db analytics "$1"; }
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
log "the app and its sandbox are up ($((SECONDS - STEP_START)) s)"
STEP_START=$SECONDS

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

# run_step STEP SHOT [dismiss_save|finish]: runs the function STEP for the
# test named $t and passes it; on a failure (or the app dying) takes the
# screenshot SHOT, closes a Save dialog left open or stops the layer as
# asked, and records why.
run_step() {
  local out
  if out=$("$1" 2>&1) && alive; then pass "$t"; return; fi
  shot "$2"
  [ "${3:-}" = dismiss_save ] && dismiss_save
  fail "$t" "$out$(alive || echo ' (the app died)')"
  [ "${3:-}" = finish ] && finish
  return 0
}

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
run_step step2 2x-import-failed finish

# ── 3. Queue a drop, Review SQL, Save .sql through the real Save dialog ─────
VICTIM=rd_victim_$(random_hex 3)
psql_sb "CREATE ROLE $VICTIM LOGIN" >/dev/null
# For steps 11-12 (made now, so the catalog the session loads has them): a
# leaver who owns a table in each database of the sandbox cluster, holds a
# grant, a membership and default privileges as creator; data_engineer succeeds.
LEAVER=rd_leaver_$(random_hex 3)
SUCCESSOR=data_engineer
psql_sb "CREATE ROLE $LEAVER LOGIN PASSWORD 'Leaving-$(random_hex 6)'; GRANT analyst TO $LEAVER;
  CREATE TABLE public.${LEAVER}_notes (id int); ALTER TABLE public.${LEAVER}_notes OWNER TO $LEAVER;
  GRANT SELECT ON sales.orders TO $LEAVER;
  ALTER DEFAULT PRIVILEGES FOR ROLE $LEAVER IN SCHEMA public GRANT SELECT ON TABLES TO reader" >/dev/null
psql_db postgres "CREATE TABLE public.${LEAVER}_scratch (id int); ALTER TABLE public.${LEAVER}_scratch OWNER TO $LEAVER" >/dev/null
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
run_step step3 3x-save-failed finish

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
run_step step4 4x-no-failed finish

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
run_step step5 5x-yes-failed finish

# ── 6-10. Exports through the real Save dialog ───────────────────────────────
# re_quote TEXT: TEXT as a regular expression matching itself.
re_quote() { printf '%s' "$1" | sed 's/[][\.*^$()+?{}|]/\\&/g'; }
# export_item ITEM: the database page's Export menu, then ITEM in it.
export_item() {
  "$A11Y" click 'Export' --role 'combo box' --timeout 15 || return 1
  "$A11Y" click "$(re_quote "$1")" --role 'menu item' --timeout 10 || return 1
  wait_for 20 dialog_window 'Save File' || { echo "\"$1\" opened no Save File dialog"; return 1; }
}
# save_as NAME FILTER PATH: the open Save dialog proposes the file name NAME
# under the filter FILTER; PATH is typed and accepted; the file must appear
# there and the app must say where it went (its toast shows PATH).
save_as() {
  "$A11Y" wait "$(re_quote "$1")" --text --role text --timeout 10 || { echo "the Save dialog does not propose the name $1"; return 1; }
  "$A11Y" wait "$(re_quote "$2")" --role 'combo box' --timeout 5 || { echo "the Save dialog's filter is not \"$2\""; return 1; }
  type_path "$3"
  xdotool key --clearmodifiers Return
  wait_for 15 dialog_gone 'Save File' || { echo "the Save dialog stayed open"; return 1; }
  wait_for 15 test -s "$3" || { echo "$3 was not written"; return 1; }
  "$A11Y" wait "$(re_quote "$3")" --text --role section --timeout 10 || { echo "the app does not say it exported to $3"; return 1; }
  cp "$3" "$ART/"
}
# dismiss_save: after a failed step, a Save dialog left open is cancelled so
# the next steps can use the window.
dismiss_save() {
  dialog_window 'Save File' || return 0
  "$A11Y" click 'Cancel' --role 'push button' --timeout 5 || true
  wait_for 10 dialog_gone 'Save File' || true
}
no_dialog_child() { ! dialog_child_pid >/dev/null; }
# dismiss_toasts: closes every toast, as a user would before reaching what
# they cover (they sit at the top centre, over the session's tabs).
dismiss_toasts() {
  local i
  for i in 1 2 3 4 5 6; do
    "$A11Y" gone 'Dismiss notification' --role 'push button' --timeout 0 && return 0
    "$A11Y" click 'Dismiss notification' --role 'push button' --timeout 2 || true
    sleep 0.4 # the toast fades out
  done
  "$A11Y" gone 'Dismiss notification' --role 'push button' --timeout 5 || { echo "toasts cannot be dismissed"; return 1; }
}
psql_file() { # psql_file DATABASE FILE: runs a script on the sandbox, stopping at the first error
  PGPASSWORD=$PG_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U rsmate_admin -d "$1" -f "$2"
}
privilege_lines() { # privilege_lines DATABASE: every privilege held there, one sorted line each
  PGPASSWORD=$PG_PASSWORD psql -X -A -t -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U rsmate_admin -d "$1" \
    -f scripts/privilege-lines.sql | LC_ALL=C sort
}
exported_files() { # every file an export could have written where the dialog opens
  find "$WORK/home" "$WORK/files" -type f \( -name '*.html' -o -name '*.csv' -o -name '*.sql' \) | sort
}
EXPORTS=$WORK/files/exports
mkdir -p "$EXPORTS"

t="an export whose real Save dialog is cancelled writes no file and reports nothing as saved"
step6() {
  dismiss_toasts || return 1
  "$A11Y" click 'Objects.*' --role 'page tab' --timeout 15 || return 1
  "$A11Y" click 'Database analytics' --role 'list item' --timeout 30 || return 1
  "$A11Y" wait 'Who can access' --role 'list box' --timeout 30 || return 1
  local before after
  before=$(exported_files)
  export_item 'Access review as HTML' || return 1
  "$A11Y" click 'Cancel' --role 'push button' --timeout 10 || return 1
  wait_for 15 dialog_gone 'Save File' || { echo "the Save dialog stayed open"; return 1; }
  wait_for 15 no_dialog_child || { echo "the dialog process outlived its window"; return 1; }
  sleep 1 # the answer has reached the page: a toast would be up by now
  shot 6a-export-cancelled
  after=$(exported_files)
  [ "$after" = "$before" ] || { echo "a cancelled export wrote $(comm -13 <(echo "$before") <(echo "$after"))"; return 1; }
  "$A11Y" gone 'Exported|.* failed' --text --timeout 0.1 || { echo "the app reports an export after Cancel"; return 1; }
}
run_step step6 6x-cancel-failed dismiss_save

t="Grants of the database as SQL script through the real Save dialog: the script replayed on a copy without grants gives the database's privileges"
step7() {
  local out=$EXPORTS/analytics-grants.sql
  export_item 'Grants of the database as SQL script' || return 1
  save_as 'database-analytics-grants.sql' 'SQL scripts' "$out" || return 1
  shot 7a-grants-sql-saved
  grep -qx 'BEGIN;' "$out" && [ "$(tail -n1 "$out")" = 'COMMIT;' ] || { echo "the script is not one transaction"; return 1; }
  grep -qF 'GRANT SELECT ON TABLE "sales"."customers", "sales"."orders" TO "bi_developer" WITH GRANT OPTION;' "$out" ||
    { echo "the script lacks bi_developer's grant option on sales.customers and sales.orders"; return 1; }
  # A database with the same objects and no grants: the schema of analytics
  # without its privileges. After the replay it must hold exactly what
  # analytics holds: the script grants what analytics added and revokes
  # PUBLIC's built-in rights analytics took away.
  psql_db postgres 'CREATE DATABASE rd_replay' || return 1
  PGPASSWORD=$PG_PASSWORD pg_dump -h 127.0.0.1 -p "$PG_PORT" -U rsmate_admin --schema-only --no-privileges analytics >"$WORK/schema.sql" || return 1
  psql_file rd_replay "$WORK/schema.sql" >/dev/null || return 1
  privilege_lines rd_replay >"$ART/replay-before.txt" || return 1
  privilege_lines analytics >"$ART/analytics.txt" || return 1
  cmp -s "$ART/replay-before.txt" "$ART/analytics.txt" && { echo "the copy holds the privileges before the replay: the check proves nothing"; return 1; }
  psql_file rd_replay "$out" >"$WORK/replay.log" 2>&1 ||
    { echo "the script does not replay:"; tail -n5 "$WORK/replay.log"; return 1; }
  privilege_lines rd_replay >"$ART/replay-after.txt" || return 1
  local missing extra
  missing=$(LC_ALL=C comm -23 "$ART/analytics.txt" "$ART/replay-after.txt")
  extra=$(LC_ALL=C comm -13 "$ART/analytics.txt" "$ART/replay-after.txt")
  [ -z "$missing" ] || { echo "after the replay the copy lacks:"; echo "$missing" | head -n10; return 1; }
  [ -z "$extra" ] || { echo "after the replay the copy holds what analytics does not:"; echo "$extra" | head -n10; return 1; }
}
run_step step7 7x-grants-sql-failed dismiss_save
# The copy goes: offboarding below scans every database of the cluster.
psql_db postgres 'DROP DATABASE IF EXISTS rd_replay' >/dev/null 2>&1 || true

t="Grants of the database as CSV through the real Save dialog: header and one row per grant"
step8() {
  local out=$EXPORTS/analytics-grants.csv
  export_item 'Grants of the database as CSV' || return 1
  save_as 'database-analytics-grants.csv' 'CSV files' "$out" || return 1
  [ "$(head -n1 "$out")" = 'type,grantee_kind,grantee,object_kind,schema,name,arguments,column,privilege,grant_option,scope,grantor,creator' ] ||
    { echo "CSV header: $(head -n1 "$out")"; return 1; }
  grep -q '^grant,role,bi_developer,table,sales,orders,,,SELECT,true,' "$out" || { echo "the CSV lacks bi_developer's SELECT on sales.orders with grant option"; return 1; }
  grep -q '^default_privilege,role,reader,tables,raw,,,,SELECT,false,,,etl_loader$' "$out" || { echo "the CSV lacks etl_loader's default privilege in raw"; return 1; }
  # One row per privilege the database's grants hold, beyond the owners'.
  local rows
  rows=$(grep -c '^grant,' "$out")
  [ "$rows" -ge 100 ] || { echo "only $rows grant rows"; return 1; }
}
run_step step8 8x-grants-csv-failed dismiss_save

t="Access review as HTML through the real Save dialog: the risk flags table names the sandbox's risks"
step9() {
  local out=$EXPORTS/analytics-access-review.html
  export_item 'Access review as HTML' || return 1
  save_as 'analytics-access-review.html' 'HTML pages' "$out" || return 1
  grep -q '<h2>Findings</h2>' "$out" || { echo "the report has no findings table"; return 1; }
  local want
  for want in '<td class="risk">superuser</td><td>user priya.raman</td>' \
    '<td class="risk">create_user</td><td>user marcus.webb</td>' \
    '<td class="risk">grant_to_public</td><td>PUBLIC</td>' \
    '<td class="risk">with_grant_option</td><td>role bi_developer</td>'; do
    grep -qF "$want" "$out" || { echo "the findings lack $want"; return 1; }
  done
}
run_step step9 9x-review-html-failed dismiss_save

t="Access review as CSV through the real Save dialog: a row per principal, then a row per risk flag"
step10() {
  local out=$EXPORTS/analytics-access-review.csv
  export_item 'Access review as CSV' || return 1
  save_as 'analytics-access-review.csv' 'CSV files' "$out" || return 1
  [ "$(head -n1 "$out")" = 'record,principal_kind,principal,superuser,privileges,objects,schemas,reaches,risks,risk,object,privilege,detail' ] ||
    { echo "CSV header: $(head -n1 "$out")"; return 1; }
  grep -q '^principal,user,priya\.raman,true,' "$out" || { echo "the CSV lacks superuser priya.raman's row"; return 1; }
  grep -q '^finding,user,priya\.raman,,,,,,,superuser,' "$out" || { echo "the CSV lacks priya.raman's superuser finding"; return 1; }
}
run_step step10 10x-review-csv-failed dismiss_save

# ── 11-12. Offboarding through the real confirmation ────────────────────────
OFFBOARD_TITLE="Offboard $LEAVER"
# leaver_state: whether the leaver exists and may sign in, and who owns the
# table in analytics and the one in postgres.
leaver_state() {
  echo "$(psql_sb "SELECT (SELECT count(*) || ' ' || coalesce(bool_or(rolcanlogin)::text, '-') FROM pg_roles WHERE rolname = '$LEAVER')
      || ' ' || (SELECT tableowner FROM pg_tables WHERE tablename = '${LEAVER}_notes')")" \
    "$(psql_db postgres "SELECT tableowner FROM pg_tables WHERE tablename = '${LEAVER}_scratch'")"
}
OFFBOARD_BUTTON="Offboard $LEAVER \\([0-9]+ plans?\\)"

t="answering No to the real offboarding confirmation changes nothing in any database"
step11() {
  [ "$(leaver_state)" = "1 true $LEAVER $LEAVER" ] || { echo "setup: $(leaver_state)"; return 1; }
  dismiss_toasts || return 1
  "$A11Y" click 'Users.*' --role 'page tab' --timeout 30 || return 1
  "$A11Y" click 'Search users' --role 'entry' || return 1
  xdotool key --clearmodifiers ctrl+a
  xdotool type --delay 30 "$LEAVER"
  "$A11Y" click "$LEAVER" --role 'list item' --timeout 30 || return 1
  "$A11Y" click "More actions for $LEAVER" --timeout 15 || return 1
  "$A11Y" click 'Offboard from every database…' --role 'menu item' --timeout 10 || return 1
  "$A11Y" click 'Successor' --role 'combo box' --timeout 15 || return 1
  xdotool type --delay 30 "$SUCCESSOR"
  "$A11Y" click "$SUCCESSOR \\(role\\)" --role 'list item' --timeout 10 || return 1
  "$A11Y" click 'Scan every database' --role 'push button' --timeout 10 || return 1
  # Three plans: stop sign-ins, clear postgres, clear analytics and drop.
  "$A11Y" wait "Offboard $LEAVER \\(3 plans\\)" --role 'push button' --timeout 60 || { echo "the scan did not plan 3 steps"; return 1; }
  "$A11Y" click "$OFFBOARD_BUTTON" --role 'push button' || return 1
  wait_for 20 dialog_window "$OFFBOARD_TITLE" || { echo "no \"$OFFBOARD_TITLE\" confirmation"; return 1; }
  shot 11a-offboard-confirm
  "$A11Y" wait "Run 3 plans, one database at a time, and drop user $LEAVER at the end\\. What the user owns goes to $SUCCESSOR\\." --text --timeout 10 ||
    { echo "the confirmation does not say what will run and who takes over"; return 1; }
  answer 'No' || return 1
  wait_for 15 dialog_gone "$OFFBOARD_TITLE" || { echo "the confirmation stayed open"; return 1; }
  # The plans stay under review: the app offers to run them again.
  "$A11Y" wait "$OFFBOARD_BUTTON" --role 'push button' --timeout 15 || { echo "the Offboard button is not offered again"; return 1; }
  local st
  st=$(leaver_state)
  [ "$st" = "1 true $LEAVER $LEAVER" ] || { echo "after No the databases read \"$st\", want \"1 true $LEAVER $LEAVER\" (exists, may sign in, owns both tables)"; return 1; }
}
run_step step11 11x-offboard-no-failed finish

t="answering Yes to the real offboarding confirmation drops the user; the successor owns what they owned in every database"
step12() {
  "$A11Y" click "$OFFBOARD_BUTTON" --role 'push button' || return 1
  wait_for 20 dialog_window "$OFFBOARD_TITLE" || { echo "no \"$OFFBOARD_TITLE\" confirmation"; return 1; }
  answer 'Yes' || return 1
  wait_for 15 dialog_gone "$OFFBOARD_TITLE" || { echo "the confirmation stayed open"; return 1; }
  "$A11Y" wait "$LEAVER is gone" --role notification --timeout 60 || { echo "the app does not say $LEAVER is gone"; return 1; }
  shot 12a-offboarded
  local st
  st=$(leaver_state)
  [ "$st" = "0 - $SUCCESSOR $SUCCESSOR" ] || { echo "after Yes the databases read \"$st\", want \"0 - $SUCCESSOR $SUCCESSOR\" (gone, both tables the successor's)"; return 1; }
  "$A11Y" click 'Close' --role 'push button' --timeout 10 || return 1
  "$A11Y" gone "$OFFBOARD_BUTTON" --role 'push button' --timeout 10 || { echo "the offboarding dialog did not close"; return 1; }
}
run_step step12 12x-offboard-yes-failed

# ── 13. A crashing dialog process is an error, not the app's end ────────────
t="a dialog process killed with SIGABRT is reported as an error and the app lives on"
step13() {
  "$A11Y" click 'More connection actions' || return 1
  "$A11Y" click 'Import connections…' --role 'menu item' --timeout 10 || return 1
  wait_for 20 dialog_window 'Open File' || { echo "no Open File dialog"; return 1; }
  local pid
  pid=$(dialog_child_pid) || { echo "no dialog process under the app (pid $APP_PID)"; return 1; }
  kill -ABRT "$pid"
  wait_for 15 dialog_gone 'Open File' || { echo "the dialog outlived its process"; return 1; }
  "$A11Y" wait 'Import failed' --text --timeout 15 || { echo "the app shows no import error"; return 1; }
  shot 13a-dialog-crashed
  alive || { echo "the app died with its dialog"; return 1; }
}
run_step step13 13x-crash-failed

# Close like a user; the app must exit cleanly.
"$WORK/xclose" "$WID" || true
wait_for 15 bash -c "! kill -0 $APP_PID 2>/dev/null" || log "the app did not exit within 15 s of closing its window"
APP_PID=""
finish
