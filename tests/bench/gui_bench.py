"""The GUI launch benchmarks, registered by run_benchmarks.py:

- gui_first_paint: `retort -d DIR --url sqlite:///...` (the desktop application, on
  QT_QPA_PLATFORM=offscreen) on the runner's generated history (Python revisions), against the
  floor: bench_floor_gui, a bare QApplication + QMainWindow + empty QTreeView. Both print
  `first-paint-ms N` (milliseconds since their process started, read from /proc/self/stat) once
  the view's viewport has painted; retort, given a database, also prints `state-paint-ms N`
  once the rows are painted with the applied state read from it, then quits. Peak memory is
  each child's own ru_maxrss (os.wait4). Goals: first paint of 10,000 revisions under 1 s, peak
  memory under 150 MB. Also timed for context: `retort history` (the CLI) on the same project.
- gui_first_paint_sql: the same on a history of native SQL revisions of the same size.

Each run gets a private HOME/XDG directories (the GUI remembers recent projects there) and a
SQLite database whose version table holds the history's first head, so the state is read.
Standard library only.
"""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading

import gen_history

FIRST_PAINT_GOAL_MS = 1000.0
PEAK_MB_GOAL = 150.0


class Launch:
    """The best of a few launches of a program that prints `<name>-ms N` lines."""

    def __init__(self):
        self.first_paint_ms = None
        self.state_paint_ms = None
        self.peak_mb = None
        self.error = ""

    def ok(self):
        return self.first_paint_ms is not None and not self.error


def measure(argv, env, repeat, timeout=120):
    """Runs argv `repeat` times; keeps the fastest first paint and the largest peak memory."""
    best = Launch()
    for _ in range(max(1, repeat)):
        # Popen + os.wait4 on the pid gives this child's own ru_maxrss (KiB on Linux); stderr
        # goes to a file so a chatty child never blocks on a full pipe.
        with tempfile.TemporaryFile() as errors:
            proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=errors)
            timer = threading.Timer(timeout, proc.kill)
            timer.start()
            try:
                out = proc.stdout.read()
                proc.stdout.close()
                _, status, usage = os.wait4(proc.pid, 0)
            finally:
                timer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)
            errors.seek(0)
            err = errors.read().decode("utf-8", "replace")
        values = {}
        for line in out.decode("utf-8", "replace").splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0].endswith("-ms"):
                values[parts[0]] = parts[1]
        if proc.returncode != 0:
            best.error = "exit %d: %s" % (proc.returncode, (err.strip().splitlines() or [""])[-1])
            return best
        if "first-paint-ms" not in values:
            best.error = "no first-paint-ms line (stderr: %r)" % err[-200:]
            return best
        first = float(values["first-paint-ms"])
        state = float(values["state-paint-ms"]) if "state-paint-ms" in values else None
        if best.first_paint_ms is None or first < best.first_paint_ms:
            best.first_paint_ms = first
        if state is not None and (best.state_paint_ms is None or state < best.state_paint_ms):
            best.state_paint_ms = state
        best.peak_mb = max(best.peak_mb or 0.0, usage.ru_maxrss / 1024.0)
    return best


def gui_env(work):
    home = os.path.join(work, "gui_home")
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "RETORT_BENCH_FIRST_PAINT": "1", "HOME": home,
                "XDG_CONFIG_HOME": os.path.join(home, ".config"),
                "XDG_DATA_HOME": os.path.join(home, ".local/share"),
                "XDG_CACHE_HOME": os.path.join(home, ".cache")})
    env.pop("DATABASE_URL", None)
    for d in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.makedirs(env[d], exist_ok=True)
    return env


def stamped_database(directory):
    """A SQLite file whose version table holds the history's first head (all applied)."""
    with open(os.path.join(directory, gen_history.MANIFEST), encoding="utf-8") as f:
        heads = json.load(f)["heads"]
    path = os.path.join(directory, "bench_state.db")
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    db.execute("INSERT INTO alembic_version VALUES (?)", (heads[0],))
    db.commit()
    db.close()
    return path


def sql_dataset(work, revisions, dataset, log):
    """The runner's history shape, as native SQL revisions, generated once and reused."""
    directory = os.path.join(work, "history_sql_%d" % revisions)
    wanted = dict(dataset, count=revisions, format="sql")
    try:
        with open(os.path.join(directory, gen_history.MANIFEST), encoding="utf-8") as f:
            have = json.load(f)
        if all(have.get(k) == v for k, v in wanted.items()):
            return directory
    except (OSError, ValueError):
        pass
    log("generating %d SQL revisions into %s" % (revisions, directory))
    argv = ["--count", str(revisions), "--seed", str(dataset["seed"]),
            "--branchiness", str(dataset["branchiness"]), "--format", "sql", "--out", directory]
    argv += ["--labels"] if dataset["labels"] else []
    argv += ["--depends"] if dataset["depends"] else []
    gen_history.generate(gen_history.parse_args(argv))
    return directory


def first_paint(ctx, directory, log, Timing):
    args = ctx.args
    env = gui_env(args.work)
    database = stamped_database(directory)
    if not args.retort or not os.path.exists(args.retort):
        return {"retort": Timing(status="not available", detail="retort executable not built")}
    retort = measure([args.retort, "-d", directory, "--url", "sqlite:///" + database], env, args.repeat)
    cols = {}
    if args.floor_gui and os.path.exists(args.floor_gui):
        floor = measure([args.floor_gui], env, args.repeat)
        cols["floor"] = (Timing(floor.first_paint_ms / 1000.0) if floor.ok()
                         else Timing(status="failed", detail=floor.error))
        cols["floor_how"] = "bench_floor_gui (QMainWindow + empty QTreeView, offscreen)"
    else:
        floor = None
        cols["floor"] = Timing(status="not available", detail="bench_floor_gui not built")
    cols["retort"] = (Timing(retort.first_paint_ms / 1000.0) if retort.ok()
                      else Timing(status="failed", detail=retort.error))
    cli = ctx.retort(directory, "history")
    notes = []
    if retort.ok():
        notes.append("first paint %.0f ms (goal < %.0f ms: %s)" % (
            retort.first_paint_ms, FIRST_PAINT_GOAL_MS,
            "ok" if retort.first_paint_ms < FIRST_PAINT_GOAL_MS else "MISSED"))
        if retort.state_paint_ms is not None:
            notes.append("painted with the database state at %.0f ms" % retort.state_paint_ms)
        notes.append("peak %.1f MB (goal < %.0f MB: %s)" % (
            retort.peak_mb, PEAK_MB_GOAL, "ok" if retort.peak_mb < PEAK_MB_GOAL else "MISSED"))
        if floor is not None and floor.ok():
            notes.append("floor: first paint %.0f ms, peak %.1f MB; retort/floor memory %.1fx" % (
                floor.first_paint_ms, floor.peak_mb, retort.peak_mb / floor.peak_mb))
        if cli.ok():
            notes.append("retort history (CLI) %.0f ms; GUI first paint / CLI %.1fx" % (
                cli.seconds * 1000, retort.first_paint_ms / (cli.seconds * 1000)))
    cols["notes"] = notes
    cols["within"] = ""  # judged by the absolute goals in the notes, not a floor factor
    return cols


def selftest(argv):
    """Fast check for the default test run: the hook and the floor print their line and quit."""
    import argparse
    p = argparse.ArgumentParser()
    p.add_argument("--retort", required=True)
    p.add_argument("--floor-gui", required=True)
    p.add_argument("--work", required=True)
    a = p.parse_args(argv)
    os.makedirs(a.work, exist_ok=True)
    directory = os.path.join(a.work, "gui_selftest")
    gen_history.generate(gen_history.parse_args(
        ["--count", "30", "--seed", "3", "--branchiness", "0.3", "--format", "sql", "--out", directory]))
    env = gui_env(a.work)
    database = stamped_database(directory)
    failures = []
    retort = measure([a.retort, "-d", directory, "--url", "sqlite:///" + database], env, 1)
    if not retort.ok():
        failures.append("retort: " + retort.error)
    elif retort.state_paint_ms is None or retort.state_paint_ms < retort.first_paint_ms:
        failures.append("retort printed no state-paint-ms after first-paint-ms")
    elif not (0 < retort.first_paint_ms < 60000 and retort.peak_mb > 0):
        failures.append("implausible numbers: %r ms, %r MB" % (retort.first_paint_ms, retort.peak_mb))
    floor = measure([a.floor_gui], env, 1)
    if not floor.ok():
        failures.append("floor: " + floor.error)
    for f in failures:
        sys.stderr.write("FAIL " + f + "\n")
    if not failures:
        print("retort first-paint %.0f ms, state %.0f ms, %.1f MB; floor %.0f ms, %.1f MB" % (
            retort.first_paint_ms, retort.state_paint_ms, retort.peak_mb, floor.first_paint_ms,
            floor.peak_mb))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(selftest(sys.argv[1:]))
