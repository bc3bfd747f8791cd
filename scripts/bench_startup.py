#!/usr/bin/env python3
"""Start-up benchmark: the release binary against an empty Wails window.

Runs APP and EMPTY in interleaved pairs (the order alternates) on $DISPLAY and
measures, per launch:
  - paint ms: from exec to the line the frontend's "painted" bound call makes
    the backend log (both binaries log one; see app.PaintedMarker) — the
    frontend calls it two animation frames after its content rendered;
  - CPU time (user + system) the main process and its WebKit processes
    spent until then;
  - RSS of the main process and PSS of the main process plus its WebKit helper
    processes (/proc/PID/smaps_rollup), IDLE seconds after the paint.
The app's home holds a few saved connections (seed_profiles), so its first
screen lists them as a user's does. Both binaries are first evicted from the page cache (see
evict_from_page_cache); one launch of each then comes first as a warm-up (disk
and WebKit caches) and is not counted. Writes a JSON summary to --json.

usage: bench_startup.py --app BIN --empty BIN --pairs N --json OUT [--idle S]
"""
import argparse
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time

MARKER = b"window: content painted"


def children(pid):
    """Every descendant pid of pid (WebKit's web and network processes)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        # Each thread lists the children it started (WebKit starts its
        # processes from threads other than the main one).
        kids = []
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            tasks = []
        for t in tasks:
            try:
                with open(f"/proc/{p}/task/{t}/children") as f:
                    kids += [int(x) for x in f.read().split()]
            except OSError:
                pass
        out += kids
        todo += kids
    return out


def rollup(pid, field):
    """A field of /proc/PID/smaps_rollup in KiB (0 if the process is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ms(pid):
    """User + system CPU time of pid so far, in ms (0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def launch(binary, env, idle, timeout=30.0):
    """Starts binary, waits for the painted line, measures memory, stops it."""
    t0 = time.monotonic()
    p = subprocess.Popen([binary], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    buf = b""
    painted = None
    try:
        while painted is None:
            left = timeout - (time.monotonic() - t0)
            if left <= 0:
                raise RuntimeError(f"{binary}: no painted line within {timeout} s; output:\n{buf.decode(errors='replace')}")
            r, _, _ = select.select([p.stdout], [], [], left)
            if not r:
                continue
            chunk = os.read(p.stdout.fileno(), 65536)
            if not chunk:
                raise RuntimeError(f"{binary} exited ({p.wait()}) before painting; output:\n{buf.decode(errors='replace')}")
            buf += chunk
            if MARKER in buf:
                painted = (time.monotonic() - t0) * 1000
                # CPU spent until then by the app and its WebKit processes: on a
                # loaded machine wall time mostly measures the wait for a core.
                cpu = cpu_ms(p.pid) + sum(cpu_ms(k) for k in children(p.pid))
        # Let start-up settle, draining output so the app never blocks on a full pipe.
        end = time.monotonic() + idle
        while (left := end - time.monotonic()) > 0:
            r, _, _ = select.select([p.stdout], [], [], left)
            if r and not os.read(p.stdout.fileno(), 65536):
                break
        kids = children(p.pid)
        main_rss = rollup(p.pid, "Rss")
        main_pss = rollup(p.pid, "Pss")
        helpers = {f"{comm(k)}[{k}]": rollup(k, "Pss") for k in kids}
        return {
            "paintMs": round(painted, 1),
            "cpuToPaintMs": round(cpu),
            "rssKiB": main_rss,
            "pssKiB": main_pss,
            "pssWithHelpersKiB": main_pss + sum(helpers.values()),
            "helpers": helpers,
        }
    finally:
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
        p.stdout.close()


def evict_from_page_cache(path):
    """Drops path's pages from the page cache, so both binaries start as after
    a reboot: their pages come in through the start-up's own reads.

    A file the linker (or a package manager) has just written sits in the
    cache in large folios, and the kernel maps a whole folio on a fault: the
    main process's RSS then holds nearly the whole binary, whatever it touched.
    The empty window is always freshly linked while build.sh may reuse the
    app, so without this the RSS compared cache histories, not processes."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)  # dirty pages are not dropped
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


# Saved connections, as a user who has set the app up has them: the welcome
# screen the benchmark measures lists them. No passwords (listing needs none).
SEED_PROFILES = [
    ("a1b2c3d4e5f6a7b8c9d0e1f2", "Analytics (prod)", "redshift", "analytics.example.internal", 5439, "dev", "admin", "#e8590c"),
    ("b2c3d4e5f6a7b8c9d0e1f2a3", "Analytics (staging)", "redshift", "analytics-stg.example.internal", 5439, "dev", "admin", "#1c7ed6"),
    ("c3d4e5f6a7b8c9d0e1f2a3b4", "Finance warehouse", "redshift", "finance.example.internal", 5439, "finance", "auditor", ""),
    ("d4e5f6a7b8c9d0e1f2a3b4c5", "Reporting replica", "postgres", "reporting.example.internal", 5432, "reports", "readonly", ""),
    ("e5f6a7b8c9d0e1f2a3b4c5d6", "Local Postgres", "postgres", "localhost", 5432, "postgres", "postgres", "#2f9e44"),
]


def seed_profiles(config_dir):
    """Writes SEED_PROFILES as the app's connections file in config_dir."""
    profiles = []
    for pid, name, engine, host, port, db, user, color in SEED_PROFILES:
        p = {"id": pid, "name": name, "engine": engine, "host": host, "port": port, "database": db, "user": user,
             "sslMode": "require", "connectTimeoutSec": 10, "readOnly": engine == "postgres"}
        if color:
            p["color"] = color
        profiles.append(p)
    path = f"{config_dir}/profiles.json"
    with open(path, "w") as f:
        json.dump({"version": 1, "profiles": profiles}, f, indent=2)
    os.chmod(path, 0o600)


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def p95(xs):
    s = sorted(xs)
    return s[min(len(s) - 1, int(0.95 * len(s)))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", required=True)
    ap.add_argument("--empty", required=True)
    ap.add_argument("--pairs", type=int, default=9)
    ap.add_argument("--idle", type=float, default=3.0)
    ap.add_argument("--json", required=True)
    a = ap.parse_args()

    homes = {}
    for name in ("app", "empty"):
        d = tempfile.mkdtemp(prefix=f"rsmate-startup-{name}-")
        os.makedirs(f"{d}/config")
        homes[name] = d
    seed_profiles(f"{homes['app']}/config")

    def env(name):
        # A home of their own (the app's with saved connections), caches warm after the warm-up.
        d = homes[name]
        e = dict(os.environ, HOME=d, XDG_CONFIG_HOME=f"{d}/xdg-config", XDG_CACHE_HOME=f"{d}/xdg-cache",
                 XDG_DATA_HOME=f"{d}/xdg-data", XDG_STATE_HOME=f"{d}/xdg-state", RSMATE_CONFIG_DIR=f"{d}/config")
        for k in ("RSMATE_SANDBOX", "RSMATE_SANDBOX_SCALE"):
            e.pop(k, None)
        # No session bus, said plainly: without an address D-Bus clients start
        # dbus-launch's X11 autolaunch, which no desktop session does.
        e["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={d}/no-session-bus"
        return e

    bins = {"app": a.app, "empty": a.empty}
    for b in bins.values():
        evict_from_page_cache(b)
    for name in ("empty", "app"):
        launch(bins[name], env(name), 1.0)  # warm-up, not counted
    runs = {"app": [], "empty": []}
    for i in range(a.pairs):
        order = ("app", "empty") if i % 2 == 0 else ("empty", "app")
        for name in order:
            r = launch(bins[name], env(name), a.idle)
            r["pair"], r["first"] = i + 1, order[0]
            runs[name].append(r)
            print(f"pair {i + 1:2d} {name:5s} paint {r['paintMs']:7.1f} ms  CPU {r['cpuToPaintMs']:5d} ms  RSS {r['rssKiB'] / 1024:6.1f} MiB  "
                  f"PSS+helpers {r['pssWithHelpersKiB'] / 1024:6.1f} MiB", file=sys.stderr, flush=True)

    def summary(name):
        rs = runs[name]
        return {
            "paintMedianMs": median([r["paintMs"] for r in rs]),
            "paintP95Ms": p95([r["paintMs"] for r in rs]),
            "cpuToPaintMedianMs": median([r["cpuToPaintMs"] for r in rs]),
            "rssMedianMiB": round(median([r["rssKiB"] for r in rs]) / 1024, 1),
            "pssWithHelpersMedianMiB": round(median([r["pssWithHelpersKiB"] for r in rs]) / 1024, 1),
        }

    out = {"pairs": a.pairs, "idleSeconds": a.idle, "pageCache": "binaries evicted before the warm-up", "runs": runs, "app": summary("app"), "empty": summary("empty")}
    ratios = [x["paintMs"] / y["paintMs"] for x, y in zip(runs["app"], runs["empty"])]
    out["paintRatioMedian"] = round(median(ratios), 3)
    out["paintRatioOfMedians"] = round(out["app"]["paintMedianMs"] / out["empty"]["paintMedianMs"], 3)
    out["cpuRatio"] = round(out["app"]["cpuToPaintMedianMs"] / out["empty"]["cpuToPaintMedianMs"], 3)
    out["rssRatio"] = round(out["app"]["rssMedianMiB"] / out["empty"]["rssMedianMiB"], 3)
    with open(a.json, "w") as f:
        json.dump(out, f, indent=2)


if __name__ == "__main__":
    main()
