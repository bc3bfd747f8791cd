#!/usr/bin/env bash
# `make test`: installs what is missing, then runs every test layer against real
# parts (PostgreSQL, a Secret Service, Xvfb, Chromium, the real window):
#   build (frontend) → lint (ESLint, React hooks rules) → go vet → bindings → go test → vitest → e2e → smoke
#   → real dialogs → package (installable artefacts, installed and started in a clean Debian 12 root)
# Every layer runs even when an earlier one fails; a summary closes the run.
# Arguments pick layers: build lint vet bindings go vitest e2e smoke realdialogs package (default: all).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
. scripts/lib.sh

if [ -z "${RSMATE_TEST_INNER:-}" ]; then
  bash scripts/deps.sh || die "installing dependencies failed"
  # A private D-Bus session for the Secret Service (keychain tests).
  export RSMATE_TEST_INNER=1
  exec dbus-run-session -- bash "$0" "$@"
fi

RUN_START=$SECONDS
ART=artifacts
mkdir -p "$ART"
RUN_TMP=$(mktemp -d -t rsmate-test-XXXXXX)
chmod 755 "$RUN_TMP"   # throwaway clusters run as 'postgres' below here
XVFB_PID=""
KEYRING_PID=""

cleanup() {
  local rc=$?
  stop_postmasters_under "$RUN_TMP"
  [ -n "$KEYRING_PID" ] && kill "$KEYRING_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$RUN_TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Secret Service: gnome-keyring with a fresh "login" keyring, unlocked from stdin.
mkdir -p "$RUN_TMP/keyring/data" "$RUN_TMP/keyring/run"
chmod 700 "$RUN_TMP/keyring/run"
echo -n test | XDG_DATA_HOME="$RUN_TMP/keyring/data" XDG_RUNTIME_DIR="$RUN_TMP/keyring/run" \
  gnome-keyring-daemon --foreground --unlock --components=secrets >"$RUN_TMP/keyring/env" 2>"$RUN_TMP/keyring/log" &
KEYRING_PID=$!
# Poll with NameHasOwner: a plain call to org.freedesktop.secrets would make
# D-Bus auto-start a second, locked daemon through its service file.
keyring_up() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}
if wait_for 20 keyring_up; then
  while IFS= read -r line; do
    case "$line" in [A-Z_]*=*) export "${line?}" ;; esac
  done <"$RUN_TMP/keyring/env"
  if dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/collection/login \
      org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q 'boolean false'; then
    log "Secret Service: gnome-keyring-daemon (pid $KEYRING_PID), login keyring unlocked"
  else
    log "warning: the login keyring is locked; keychain tests will fail"
  fi
else
  cat "$RUN_TMP/keyring/log" >&2
  log "warning: the Secret Service did not come up; keychain tests will fail"
fi

# Our own display, even on a desktop: windows must not pop up on the user's screen.
unset DISPLAY
XVFB_LOG="$RUN_TMP/xvfb.log" ensure_display

export TMPDIR=$RUN_TMP CI=${CI:-}

names=() results=() durations=() counts=()
layer() { # layer NAME COMMAND...: runs one layer with a banner, records the outcome
  local name=$1; shift
  local t0=$SECONDS rc=0
  printf '\n\033[1;35m━━━━━━━━━━ %s ━━━━━━━━━━\033[0m\n' "$name"
  LAYER_F=0
  "$@" || rc=$?
  # A failed layer counts at least one failure (vet or a build has no test count).
  if [ "$rc" != 0 ] && [ "$LAYER_F" = 0 ]; then TOTAL_F=$((TOTAL_F + 1)); fi
  names+=("$name"); durations+=($((SECONDS - t0)))
  if [ "$rc" = 0 ]; then results+=(PASS); else results+=(FAIL); fi
  counts+=("${LAYER_COUNT:--}")
  LAYER_COUNT=""
  printf '\033[1;35m━━ %s: %s (%d s)\033[0m\n' "$name" "${results[-1]}" "${durations[-1]}"
}

# Test counts per layer: passed/failed/skipped, summed at the end.
TOTAL_P=0 TOTAL_F=0 TOTAL_S=0
add_counts() { LAYER_F=$2; TOTAL_P=$((TOTAL_P + $1)); TOTAL_F=$((TOTAL_F + $2)); TOTAL_S=$((TOTAL_S + $3)); LAYER_COUNT="$1 passed, $2 failed, $3 skipped"; }

frontend_build() { (cd frontend && npm run build); }

frontend_lint() { (cd frontend && npm run lint); }

# The project's Go packages: ./... would also walk Go sources that some npm
# packages ship inside frontend/node_modules.
go_packages() { go list ./... | grep -v /node_modules/; }

go_vet() {
  go vet $(go_packages) || return
  local unformatted
  unformatted=$(gofmt -l app backend main.go scripts)
  [ -z "$unformatted" ] || { echo "not gofmt-formatted:"; echo "$unformatted"; return 1; }
}

go_tests() {
  local logf=$ART/go-test.log rc=0
  # -race on every package: sessions, catalog loads and applies run
  # concurrently, and the detector only sees races in code a test runs.
  # -v for counting; the console gets go test's normal lines (package results,
  # failures, test output) without the per-test RUN/PASS chatter.
  RSMATE_KEYCHAIN_TEST=1 go test -race -count=1 -timeout 45m -v $(go_packages) 2>&1 | tee "$logf" |
    grep --line-buffered -Ev '^\s*(=== (RUN|PAUSE|CONT|NAME)|--- (PASS|SKIP)|PASS$)'
  rc=${PIPESTATUS[0]}
  add_counts "$(grep -cE '^\s*--- PASS' "$logf")" "$(grep -cE '^\s*--- FAIL' "$logf")" "$(grep -cE '^\s*--- SKIP' "$logf")"
  return "$rc"
}

vitest() {
  local json=$PWD/$ART/vitest.json rc=0
  rm -f "$json"
  (cd frontend && npx vitest run --reporter=default --reporter=json --outputFile="$json") || rc=$?
  if [ -f "$json" ]; then
    # shellcheck disable=SC2046
    add_counts $(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests,r.numFailedTests,r.numPendingTests+r.numTodoTests)' "$json")
  elif [ "$rc" != 0 ]; then
    add_counts 0 1 0
  fi
  return "$rc"
}

# counted_script NAME COMMAND...: runs a script that ends with a line
# "N passed, N failed", logs it to $ART/NAME.log and counts that line (a script
# that never printed it counts as one failure).
counted_script() {
  local logf=$ART/$1.log rc=0 line; shift
  "$@" 2>&1 | tee "$logf"
  rc=${PIPESTATUS[0]}
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logf" | tail -n1)
  if [ -n "$line" ]; then
    # shellcheck disable=SC2046
    add_counts $(echo "$line" | awk '{print $1, $3}') 0
  else
    add_counts 0 1 0
  fi
  return "$rc"
}

e2e() { counted_script e2e bash scripts/e2e.sh; }
bindings_check() { counted_script bindings bash scripts/bindings-check.sh; }

smoke() {
  local rc=0
  RSMATE_FRONTEND_BUILT=1 bash scripts/smoke.sh || rc=$?
  if [ "$rc" = 0 ]; then add_counts 1 0 0; else add_counts 0 1 0; fi
  return "$rc"
}

realdialogs() { RSMATE_FRONTEND_BUILT=1 counted_script realdialogs bash scripts/realdialogs.sh; }

package_layer() { counted_script package bash scripts/package-test.sh; }

want=("$@")
[ ${#want[@]} -gt 0 ] || want=(build lint vet bindings go vitest e2e smoke realdialogs package)
for w in "${want[@]}"; do
  case "$w" in
    build) layer "frontend build" frontend_build ;;
    lint) layer "lint" frontend_lint ;;
    vet) layer "go vet" go_vet ;;
    bindings) layer "bindings" bindings_check ;;
    go) layer "go test" go_tests ;;
    vitest) layer "vitest" vitest ;;
    e2e) layer "e2e" e2e ;;
    smoke) layer "smoke" smoke ;;
    realdialogs) layer "real dialogs" realdialogs ;;
    package) layer "package" package_layer ;;
    *) die "unknown layer '$w' (build lint vet bindings go vitest e2e smoke realdialogs package)" ;;
  esac
done

printf '\n\033[1m━━━━━━━━━━ summary ━━━━━━━━━━\033[0m\n'
failed=0
for i in "${!names[@]}"; do
  printf '%-16s %-4s %5d s   %s\n' "${names[$i]}" "${results[$i]}" "${durations[$i]}" "${counts[$i]}"
  [ "${results[$i]}" = PASS ] || failed=1
done
printf 'total %d s; artifacts in %s/\n' "$((SECONDS - RUN_START))" "$ART"
case " ${want[*]} " in *" smoke "*) [ -f "$ART/smoke/metrics.txt" ] && sed 's/^/  /' "$ART/smoke/metrics.txt" ;; esac
echo "$TOTAL_P passed, $TOTAL_F failed, $TOTAL_S skipped"
exit "$failed"
