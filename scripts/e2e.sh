#!/usr/bin/env bash
# End-to-end tests: the real app under `wails dev` (real Go bindings, the seeded
# sandbox PostgreSQL), driven by playwright-core + Debian's Chromium.
# Needs a display: uses $DISPLAY, or starts its own Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

DEV_PORT=${RSMATE_E2E_PORT:-34115}  # override to run next to another wails dev
ART=artifacts/e2e
mkdir -p "$ART"
rm -f "$ART"/*.png "$ART"/*.log 2>/dev/null || true

WAILS_PID=""
XVFB_PID=""
FAKEAWS_PID=""
CONFIG_DIR=$(mktemp -d)
RUN_TMP=$(mktemp -d)   # the sandbox cluster lives under here (TMPDIR), so leftovers are findable
chmod 755 "$RUN_TMP"

cleanup() {
  local rc=$?
  if [ -n "$WAILS_PID" ] && kill -0 "$WAILS_PID" 2>/dev/null; then
    for g in $(tree_pgids "$WAILS_PID"); do kill_group "$g" KILL; done
  fi
  [ -n "$FAKEAWS_PID" ] && kill "$FAKEAWS_PID" 2>/dev/null || true
  stop_postmasters_under "$RUN_TMP"
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$CONFIG_DIR" "$RUN_TMP"
  exit "$rc"
}
trap cleanup EXIT INT TERM

ensure_display
port_open 127.0.0.1 "$DEV_PORT" && die "port $DEV_PORT is already in use (another wails dev?)"
[ -f frontend/dist/index.html ] || { log "building frontend/dist"; (cd frontend && npm run build); }

PG_PORT=$(free_port)
PG_PASSWORD=$(random_hex 12)
export RSMATE_SANDBOX=1 RSMATE_SANDBOX_PORT=$PG_PORT RSMATE_SANDBOX_PASSWORD=$PG_PASSWORD
export RSMATE_FAKE_DIALOGS=1 RSMATE_CONFIG_DIR=$CONFIG_DIR
# Every save dialog "chooses" this file; specs that export read it back.
export RSMATE_FAKE_SAVE_FILE=$RUN_TMP/saved-export
export E2E_PG_HOST=127.0.0.1 E2E_PG_PORT=$PG_PORT E2E_PG_USER=rsmate_admin E2E_PG_PASSWORD=$PG_PASSWORD E2E_PG_DATABASE=analytics
export E2E_BASE_URL="http://localhost:$DEV_PORT"
export RSMATE_VITE_PORT=${RSMATE_VITE_PORT:-$(free_port)}  # vite.config.ts reads it

# IAM profiles: every AWS call goes to a local stand-in (scripts/fakeaws) that
# issues passwords for sandbox users; the AWS config has one static-key profile.
AWS_FAKE_PORT=$(free_port)
mkdir -p "$RUN_TMP/aws"
printf '[profile e2e]\nregion = us-east-1\n\n[profile e2e-sso]\nsso_session = e2e\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n\n[sso-session e2e]\nsso_start_url = https://e2e.awsapps.example/start\nsso_region = us-east-1\n' >"$RUN_TMP/aws/config"
printf '[e2e]\naws_access_key_id = AKIDE2E\naws_secret_access_key = e2esecret\n' >"$RUN_TMP/aws/credentials"
export AWS_CONFIG_FILE=$RUN_TMP/aws/config AWS_SHARED_CREDENTIALS_FILE=$RUN_TMP/aws/credentials AWS_EC2_METADATA_DISABLED=true
export AWS_ENDPOINT_URL=http://127.0.0.1:$AWS_FAKE_PORT AWS_ENDPOINT_URL_STS=http://127.0.0.1:$AWS_FAKE_PORT AWS_ENDPOINT_URL_SSO=http://127.0.0.1:$AWS_FAKE_PORT
# The SSO token cache lives under the app's HOME: give the app one of its own
# holding an expired token for the e2e-sso profile (Go keeps its usual caches).
APP_HOME=$RUN_TMP/home
mkdir -p "$APP_HOME/.aws/sso/cache"
printf '{"accessToken":"old","expiresAt":"2020-01-01T00:00:00Z"}' \
  >"$APP_HOME/.aws/sso/cache/$(printf e2e | sha1sum | cut -d' ' -f1).json"
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
go build -o "$RUN_TMP/fakeaws" ./scripts/fakeaws
FAKEAWS_ADMIN_DSN="postgres://rsmate_admin:$PG_PASSWORD@127.0.0.1:$PG_PORT/postgres?sslmode=disable" \
  "$RUN_TMP/fakeaws" -listen "127.0.0.1:$AWS_FAKE_PORT" -pending-polls 2 >"$ART/fakeaws.log" 2>&1 &
FAKEAWS_PID=$!

# -s: frontend/dist is already built (vite serves the live frontend);
# -m/-nosyncgomod/-skipbindings: never touch go.mod or generated files;
# -nogorebuild/-noreload: other edits in the tree must not restart the app mid-test;
# -tags e2efakes: the scripted dialogs (RSMATE_FAKE_DIALOGS) exist only in this build.
log "starting wails dev on $E2E_BASE_URL (sandbox PostgreSQL on port $PG_PORT)"
for v in GOCACHE GOMODCACHE GOPATH GOPROXY GOSUMDB GOFLAGS GOTOOLCHAIN; do export "$v=$(go env "$v")"; done
export npm_config_cache=${npm_config_cache:-$HOME/.npm}
HOME=$APP_HOME \
  TMPDIR=$RUN_TMP setsid go tool wails dev -tags e2efakes -devserver "localhost:$DEV_PORT" -s -m -nosyncgomod -skipbindings \
  -nogorebuild -noreload -nocolour -loglevel Warning >"$ART/wails-dev.log" 2>&1 </dev/null &
WAILS_PID=$!

ready() {
  kill -0 "$WAILS_PID" 2>/dev/null || { tail -n 60 "$ART/wails-dev.log" >&2; die "wails dev exited early"; }
  # With -nogorebuild a failed compile never recovers: stop waiting.
  if grep -q '^Build error' "$ART/wails-dev.log"; then
    grep -v '^\[Rebuild triggered\]' "$ART/wails-dev.log" | tail -n 40 >&2
    die "wails dev could not build the app"
  fi
  curl -fsS -o /dev/null "$E2E_BASE_URL" 2>/dev/null && port_open 127.0.0.1 "$PG_PORT"
}
started=$SECONDS
if ! wait_for 600 ready; then
  tail -n 60 "$ART/wails-dev.log" >&2
  die "the app did not come up on $E2E_BASE_URL with the sandbox on $PG_PORT within 600 s"
fi
log "app ready after $((SECONDS - started)) s"

rc=0
node frontend/e2e/run.mjs || rc=$?

# Stop the app first with SIGTERM (Wails runs OnShutdown, which stops the
# sandbox), then wails dev and vite.
app_pid=$(pgrep -g "$WAILS_PID" -f 'build/bin/redshift-mate' | head -n1 || true)
if [ -n "$app_pid" ]; then
  kill -TERM "$app_pid" 2>/dev/null || true
  wait_for 20 bash -c "! kill -0 $app_pid 2>/dev/null" || log "app (pid $app_pid) ignored SIGTERM for 20 s"
fi
groups=$(tree_pgids "$WAILS_PID")
for g in $groups; do kill_group "$g" TERM; done
wait_for 15 bash -c "! kill -0 $WAILS_PID 2>/dev/null" || true
for g in $groups; do kill_group "$g" KILL; done
wait "$WAILS_PID" 2>/dev/null || true

# The sandbox must have stopped with the app.
if ! wait_for 10 bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$PG_PORT) 2>/dev/null"; then
  log "FAIL: the sandbox PostgreSQL on port $PG_PORT is still running after the app exited"
  rc=1
elif pgrep -f "postgres -D $RUN_TMP/" >/dev/null; then
  log "FAIL: a sandbox PostgreSQL process is left over"
  rc=1
else
  log "sandbox PostgreSQL stopped with the app"
fi
exit "$rc"
