# shellcheck shell=bash
# Shared helpers for scripts/*.sh (sourced, not run).
log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# free_port prints a TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# port_open HOST PORT succeeds when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for SECONDS CMD...: polls CMD every 0.5 s until it succeeds or time runs out.
wait_for() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

# convert_bin: ImageMagick's convert (prefer the distribution's binary).
convert_bin() {
  if [ -x /usr/bin/convert ]; then echo /usr/bin/convert; else command -v convert; fi
}

# random_hex N: N random bytes as hex (passwords for throwaway servers).
random_hex() { od -An -N"${1:-12}" -tx1 /dev/urandom | tr -d ' \n'; }

# ensure_display: when DISPLAY is unset, start Xvfb on a free display (Xvfb
# picks it and reports it through -displayfd) and export DISPLAY; XVFB_PID is
# set so the caller's trap can stop it.
ensure_display() {
  [ -n "${DISPLAY:-}" ] && return 0
  local dfile n
  dfile=$(mktemp)
  Xvfb -displayfd 1 -screen 0 1400x900x24 -nolisten tcp -noreset >"$dfile" 2>"${XVFB_LOG:-/dev/null}" &
  XVFB_PID=$!
  wait_for 20 grep -q '^[0-9]' "$dfile" || { rm -f "$dfile"; die "Xvfb did not start"; }
  n=$(head -n1 "$dfile"); rm -f "$dfile"
  export DISPLAY=":$n"
  wait_for 20 xdpyinfo_ok || die "Xvfb does not answer on $DISPLAY"
  log "Xvfb on $DISPLAY (pid $XVFB_PID)"
}
xdpyinfo_ok() { xwininfo -root >/dev/null 2>&1; }

# kill_group PGID [SIGNAL]: signals a process group (e.g. one started with setsid).
kill_group() { kill -"${2:-TERM}" -- "-$1" 2>/dev/null || true; }

# tree_pgids PID: the process groups of PID and all its descendants (wails dev
# puts vite into a group of its own).
tree_pgids() {
  local todo=("$1") all=() p
  while [ ${#todo[@]} -gt 0 ]; do
    p=${todo[0]}; todo=("${todo[@]:1}")
    all+=("$p")
    # shellcheck disable=SC2207
    todo+=($(pgrep -P "$p" 2>/dev/null || true))
  done
  for p in "${all[@]}"; do ps -o pgid= -p "$p" 2>/dev/null || true; done | tr -d ' ' | sort -u
}

# stop_postmasters_under DIR: stops every PostgreSQL server whose data directory
# lies under DIR (the throwaway clusters a run started), however it was left.
stop_postmasters_under() {
  local dir=$1 pid data
  for pid in $(pgrep -x postgres 2>/dev/null || true); do
    # The process may be gone by now (another run's cluster stopping): not an error.
    data=$( (tr '\0' '\n' <"/proc/$pid/cmdline" | sed -n '/^-D$/{n;p;q}') 2>/dev/null || true)
    case "$data" in
      "$dir"/*) log "stopping leftover PostgreSQL (pid $pid, $data)"; kill -QUIT "$pid" 2>/dev/null || true ;;
    esac
  done
}

# wait_app_window PID LOG: waits up to 60 s for the app's visible "Redshift
# Mate" window and sets WID; dies (printing LOG) if the app exits first or no
# window shows.
wait_app_window() {
  local pid=$1 logf=$2
  WID=""
  _app_window() {
    kill -0 "$pid" 2>/dev/null || { cat "$logf" >&2; die "the app exited before showing a window"; }
    WID=$(xdotool search --onlyvisible --name '^Redshift Mate$' 2>/dev/null | head -n1 || true)
    [ -n "$WID" ]
  }
  wait_for 60 _app_window || { cat "$logf" >&2; die "no 'Redshift Mate' window within 60 s"; }
}

# app_version: the one version string of a build (git describe), "dev" outside git.
app_version() { git describe --tags --always --dirty 2>/dev/null || echo dev; }

# app_ldflags: -X flags that stamp backend/buildinfo with the version, the
# commit and the build date (SOURCE_DATE_EPOCH when set, for reproducible builds).
app_ldflags() {
  local pkg=github.com/redshiftmate/rsmate/backend/buildinfo date commit
  commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
  date=$(date -u ${SOURCE_DATE_EPOCH:+-d @$SOURCE_DATE_EPOCH} +%Y-%m-%dT%H:%M:%SZ)
  printf -- '-X %s.Version=%s -X %s.Commit=%s -X %s.Date=%s' "$pkg" "$(app_version)" "$pkg" "$commit" "$pkg" "$date"
}

# bench_cluster TMPDIR: unless RSMATE_TEST_DSN names a kept server, starts a
# throwaway PostgreSQL for the benchmarks (fsync off, room for the synthetic
# catalog's locks) and exports its DSN; the EXIT trap stops it and removes
# TMPDIR. One cluster per run, so a grown catalog is built once.
bench_cluster() {
  BENCH_TMP=$1
  [ -n "${RSMATE_TEST_DSN:-}" ] && return 0
  BENCH_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  BENCH_PG_DIR=$(mktemp -d)
  local port=$(( 20000 + RANDOM % 20000 ))
  BENCH_PG_AS=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$BENCH_PG_DIR"; BENCH_PG_AS=(runuser -u postgres --); fi
  "${BENCH_PG_AS[@]}" "$BENCH_PG_BIN/initdb" -D "$BENCH_PG_DIR/data" -U rsmate_bench --auth=trust >"$BENCH_TMP/initdb.log"
  "${BENCH_PG_AS[@]}" "$BENCH_PG_BIN/pg_ctl" -D "$BENCH_PG_DIR/data" -l "$BENCH_PG_DIR/log" -w start \
    -o "-p $port -k $BENCH_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_locks_per_transaction=1024" >/dev/null
  trap '"${BENCH_PG_AS[@]}" "$BENCH_PG_BIN/pg_ctl" -D "$BENCH_PG_DIR/data" -m immediate stop >/dev/null; rm -rf "$BENCH_PG_DIR" "$BENCH_TMP"' EXIT
  export RSMATE_TEST_DSN="postgres://rsmate_bench@127.0.0.1:$port/postgres?sslmode=disable"
}
