#!/usr/bin/env python3
"""Start-up benchmark: the release binary against an empty Wails window.

Runs, in interleaved rounds (the order rotates), on $DISPLAY: APP as a user
starts it (the page shows the welcome screen the last start saved, then the
app's code renders over it), EMPTY, and APP with that saved screen deleted
first (the first start after an install or a change: the app's code renders
the first screen). Measures, per launch:
  - paint ms: from exec to the line the frontend's "painted" bound call makes
    the backend log (both binaries log one; see app.PaintedMarker) — the
    frontend calls it two animation frames after its content rendered;
  - interactive ms (APP): from exec to the app's "interactive" line, which its
    code logs two frames after it rendered the first screen;
  - CPU time (user + system) the main process and its WebKit processes
    spent until then;
  - RSS of the main process and PSS of the main process plus its WebKit helper
    processes (/proc/PID/smaps_rollup), IDLE seconds after the paint.
The app's home holds a few saved connections (seed_profiles), so its first
screen lists them as a user's does. Both binaries are first evicted from the page cache (see
evict_from_page_cache); one launch of each then comes first as a warm-up (disk
and WebKit caches) and is not counted. Writes a JSON summary to --json.

usage: bench_startup.py --app BIN --empty BIN --rounds N --json OUT [--idle S]   (N rounds of three launches)
"""
import argparse
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

MARKER = b"window: content painted"
INTERACTIVE = b"window: interactive"
SAVED_NOTE = b"(the first screen saved at the last start)"


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


def line_with(buf, marker):
    """The log line holding marker (bytes), or None."""
    i = buf.find(marker)
    return None if i < 0 else buf[i:buf.find(b"\n", i) if b"\n" in buf[i:] else len(buf)]


def launch(binary, env, idle, timeout=30.0, interactive=False):
    """Starts binary, waits for the painted line (and with interactive, the
    interactive line), measures memory IDLE s after the paint, stops it."""
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
        ready = None
        while (left := end - time.monotonic()) > 0:
            if ready is None and INTERACTIVE in buf:
                ready = (time.monotonic() - t0) * 1000
            r, _, _ = select.select([p.stdout], [], [], min(left, 0.005) if ready is None else left)
            if r:
                chunk = os.read(p.stdout.fileno(), 65536)
                if not chunk:
                    break
                buf += chunk
        if interactive and ready is None:
            raise RuntimeError(f"{binary}: no interactive line within {idle} s of the paint; output:\n{buf.decode(errors='replace')}")
        kids = children(p.pid)
        main_rss = rollup(p.pid, "Rss")
        main_pss = rollup(p.pid, "Pss")
        helpers = {f"{comm(k)}[{k}]": rollup(k, "Pss") for k in kids}
        out = {
            "paintMs": round(painted, 1),
            "cpuToPaintMs": round(cpu),
            "rssKiB": main_rss,
            "pssKiB": main_pss,
            "pssWithHelpersKiB": main_pss + sum(helpers.values()),
            "helpers": helpers,
        }
        if interactive:
            out["interactiveMs"] = round(ready, 1)
            out["savedFirstScreen"] = SAVED_NOTE in line_with(buf, MARKER)
        return out
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
    ap.add_argument("--rounds", type=int, default=9)
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

    bins = {"app": a.app, "unsaved": a.app, "empty": a.empty}
    homes["unsaved"] = homes["app"]

    def forget_first_screen():
        # The page's local storage, where the app keeps the welcome screen it
        # saved at its last start (frontend/src/app/firstScreen.ts).
        data = f"{homes['app']}/xdg-data"
        for sub in os.listdir(data) if os.path.isdir(data) else []:
            shutil.rmtree(f"{data}/{sub}/localstorage", ignore_errors=True)

    for b in (a.app, a.empty):
        evict_from_page_cache(b)
    for name in ("empty", "app"):
        launch(bins[name], env(name), 1.0)  # warm-up, not counted; the app's saves its first screen
    names = ("app", "empty", "unsaved")
    runs = {n: [] for n in names}
    for i in range(a.rounds):
        order = names[i % 3:] + names[:i % 3]
        for name in order:
            if name == "unsaved":
                forget_first_screen()
            r = launch(bins[name], env(name), a.idle, interactive=name != "empty")
            r["round"], r["first"] = i + 1, order[0]
            if name != "empty" and r["savedFirstScreen"] != (name == "app"):
                raise RuntimeError(f"round {i + 1}: the {name} launch {'did not show' if name == 'app' else 'showed'} a saved first screen")
            runs[name].append(r)
            ready = f"  interactive {r['interactiveMs']:7.1f} ms" if "interactiveMs" in r else ""
            print(f"round {i + 1:2d} {name:7s} paint {r['paintMs']:7.1f} ms{ready}  CPU {r['cpuToPaintMs']:5d} ms  RSS {r['rssKiB'] / 1024:6.1f} MiB  "
                  f"PSS+helpers {r['pssWithHelpersKiB'] / 1024:6.1f} MiB", file=sys.stderr, flush=True)

    def summary(name):
        rs = runs[name]
        out = {
            "paintMedianMs": median([r["paintMs"] for r in rs]),
            "paintP95Ms": p95([r["paintMs"] for r in rs]),
            "cpuToPaintMedianMs": median([r["cpuToPaintMs"] for r in rs]),
            "rssMedianMiB": round(median([r["rssKiB"] for r in rs]) / 1024, 1),
            "pssWithHelpersMedianMiB": round(median([r["pssWithHelpersKiB"] for r in rs]) / 1024, 1),
        }
        if name != "empty":
            out["interactiveMedianMs"] = median([r["interactiveMs"] for r in rs])
        return out

    def ratio(name, key):
        return round(median([x[key] / y["paintMs"] for x, y in zip(runs[name], runs["empty"])]), 3)

    out = {"rounds": a.rounds, "idleSeconds": a.idle, "pageCache": "binaries evicted before the warm-up", "runs": runs,
           "app": summary("app"), "empty": summary("empty"), "unsaved": summary("unsaved")}
    # Each ratio is the median of the rounds' ratios to the same round's empty window.
    out["paintRatioMedian"] = ratio("app", "paintMs")
    out["paintRatioOfMedians"] = round(out["app"]["paintMedianMs"] / out["empty"]["paintMedianMs"], 3)
    out["interactiveRatioMedian"] = ratio("app", "interactiveMs")
    out["unsavedPaintRatioMedian"] = ratio("unsaved", "paintMs")
    out["cpuRatio"] = round(out["app"]["cpuToPaintMedianMs"] / out["empty"]["cpuToPaintMedianMs"], 3)
    out["rssRatio"] = round(out["app"]["rssMedianMiB"] / out["empty"]["rssMedianMiB"], 3)
    with open(a.json, "w") as f:
        json.dump(out, f, indent=2)


if __name__ == "__main__":
    main()
