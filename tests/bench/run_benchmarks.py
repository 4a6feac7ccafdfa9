#!/usr/bin/python3
"""Time Retort's commands against Debian's Alembic and against merely reading the files' bytes.

Generates (or reuses) synthetic histories of 1,000 and 10,000 revisions with gen_history.py, then
runs every registered benchmark on each and prints one table with absolute wall times (best of a
few runs) and ratios:

    retort/floor    how many times slower than the floor: reading the same files' bytes
                    (heads, history: goal within 1.5x), the database's own shell running the
                    same statements with the same commits (apply_*: goal within 1.2x), or the
                    same verified backup by hand (backup_sqlite: goal no slower)
    alembic/retort  how many times faster Retort is than Alembic (heads, history: goal 20x;
                    apply_*: goal 3x)

The apply_* benchmarks bring their own data (gen_apply.py, --apply-steps trivial revisions) and
apply_postgres its own private PostgreSQL server, stopped at the end whatever happens.

A command that does not exist yet (e.g. a verb still being written) is reported as
"not available" instead of stopping the run. Standard library only.

    run_benchmarks.py --retort build/app/retort --work build/bench [--only heads] [--sizes 1000]
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import apply_bench  # noqa: E402
import backup_bench  # noqa: E402
import gen_history  # noqa: E402  (sits next to this file)
import gui_bench  # noqa: E402

# The shape of the benchmark histories: a few branches, labels and dependencies, Python files.
DATASET = {"seed": 42, "branchiness": 0.1, "labels": True, "depends": True, "format": "python"}
READ_GOAL = 3.0  # Retort should stay within this factor of reading the bytes
HEADS_READ_GOAL = 1.5  # heads, history: within this factor of reading the same files' bytes
HEADS_ALEMBIC_GOAL = 20.0  # heads, history: at least this many times faster than Alembic
APPLY_FLOOR_GOAL = 1.2  # apply_*: Retort within this factor of the database's own shell
APPLY_ALEMBIC_GOAL = 3.0  # apply_*: Retort at least this many times faster than Alembic


class Timing:
    """Best wall time of a command, or why there is none."""

    def __init__(self, seconds=None, status="ok", detail=""):
        self.seconds = seconds
        self.status = status  # ok | not available | failed
        self.detail = detail

    def ok(self):
        return self.status == "ok"

    def cell(self):
        if self.ok():
            return format_seconds(self.seconds)
        return self.status


def format_seconds(s):
    if s < 1e-3:
        return "%.0f us" % (s * 1e6)
    if s < 1:
        return "%.1f ms" % (s * 1e3)
    return "%.2f s" % s


def time_command(argv, repeat, budget, cwd=None, missing_hint=None):
    """Runs argv up to `repeat` times (fewer once `budget` seconds are spent); best wall time."""
    if not os.path.exists(argv[0]):
        return Timing(status="not available", detail=missing_hint or ("%s not found" % argv[0]))
    best, spent = None, 0.0
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        try:
            proc = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=max(budget * 4, 600))
        except (OSError, subprocess.TimeoutExpired) as e:
            return Timing(status="failed", detail=str(e))
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            err = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
            first = err[0] if err else ""
            unknown = any(w in first.lower() for w in ("unknown command", "unknown verb",
                                                         "not implemented", "not yet"))
            return Timing(status="not available" if unknown else "failed",
                          detail="exit %d: %s" % (proc.returncode, first))
        best = elapsed if best is None else min(best, elapsed)
        spent += elapsed
        if spent > budget:
            break
    return Timing(best)


def time_python(fn, repeat):
    best = None
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return Timing(best)


class Context:
    def __init__(self, args, postgres=None):
        self.args = args
        self.datasets = {}  # revisions -> directory
        self.postgres = postgres  # apply_bench.PostgresServer shared by the run, started lazily

    def versions(self, directory):
        return os.path.join(directory, "versions")

    def retort(self, directory, verb):
        return time_command([self.args.retort, "-d", directory, verb], self.args.repeat,
                            self.args.budget, missing_hint="retort executable not built")

    def alembic(self, directory, verb):
        return time_command([self.args.alembic, "-c", os.path.join(directory, "alembic.ini"), verb],
                            self.args.repeat, self.args.budget, cwd=directory)

    def read_bytes(self, directory):
        """Native reader when built; the same work in Python otherwise."""
        targets = [os.path.join(directory, "alembic.ini"), self.versions(directory)]
        if self.args.readbytes and os.path.exists(self.args.readbytes):
            return time_command([self.args.readbytes] + targets, self.args.repeat,
                                self.args.budget), "bench_readbytes"
        return time_python(lambda: python_read(targets), self.args.repeat), "python read"


def python_read(targets):
    total = 0
    for t in targets:
        paths = [t] if os.path.isfile(t) else [
            os.path.join(t, n) for n in sorted(os.listdir(t)) if os.path.isfile(os.path.join(t, n))]
        for p in paths:
            with open(p, "rb") as f:
                total += len(f.read())
    return total


# --- benchmarks --------------------------------------------------------------------------------
# Each takes (ctx, revisions, directory) and returns a dict of column -> Timing. Columns named
# "read" (or "floor"), "retort" and "alembic" get the ratio columns; others are printed as they
# are. Optional keys: "read_how"/"floor_how" (what the floor was), "floor_goal" and
# "alembic_goal" (the factors the row is judged against). A benchmark registered with
# own_data=True runs once, with revisions = --apply-steps and directory = None, instead of once
# per generated history.
BENCHMARKS = []


def benchmark(name, description, own_data=False):
    def register(fn):
        BENCHMARKS.append((name, description, fn, own_data))
        return fn
    return register


def cli_pair(verb):
    def run(ctx, revisions, directory):
        read, how = ctx.read_bytes(directory)
        return {"read": read, "read_how": how, "retort": ctx.retort(directory, verb),
                "alembic": ctx.alembic(directory, verb),
                "floor_goal": HEADS_READ_GOAL, "alembic_goal": HEADS_ALEMBIC_GOAL}
    return run


benchmark("heads", "retort heads vs alembic heads vs reading the bytes")(cli_pair("heads"))
benchmark("history", "retort history vs alembic history vs reading the bytes")(cli_pair("history"))


def as_timings(measured):
    """apply_bench's measurements as this runner's columns, with the apply goals."""
    cols = {k: (Timing(v.seconds, v.status, v.detail)
                if isinstance(v, apply_bench.Measurement) else v) for k, v in measured.items()}
    cols["floor_goal"] = APPLY_FLOOR_GOAL
    cols["alembic_goal"] = APPLY_ALEMBIC_GOAL
    return cols


def apply_sqlite(ctx, revisions, directory):
    return as_timings(apply_bench.apply_sqlite(ctx.args, log))


def apply_postgres(ctx, revisions, directory):
    return as_timings(apply_bench.apply_postgres(ctx.args, ctx.postgres, log))


benchmark("apply_sqlite", "retort upgrade of trivial revisions on a fresh SQLite file vs the "
          "sqlite3 shell (one transaction per step) vs alembic upgrade head",
          own_data=True)(apply_sqlite)
benchmark("apply_postgres", "the same on a private PostgreSQL: retort upgrade vs one psql script "
          "vs alembic upgrade head", own_data=True)(apply_postgres)

benchmark("backup_sqlite", "retort backup of an SQLite file (--backup-mb) vs sqlite3 .backup, sha256sum and "
          "integrity_check run by hand (and cp of the same file)",
          own_data=True)(lambda ctx, revisions, directory: backup_bench.backup_sqlite(ctx, log, Timing))
benchmark("backup_postgres", "retort backup vs pg_dump --format=custom run directly",
          own_data=True)(lambda ctx, revisions, directory: backup_bench.backup_postgres(ctx, log, Timing))


benchmark("gui_first_paint", "the desktop application opening the history (offscreen, SQLite state): "
          "first paint and peak memory vs a bare QTreeView window")(
    lambda ctx, revisions, directory: gui_bench.first_paint(ctx, directory, log, Timing))
benchmark("gui_first_paint_sql", "the same on the history written as native SQL revisions")(
    lambda ctx, revisions, directory: gui_bench.first_paint(
        ctx, gui_bench.sql_dataset(ctx.args.work, revisions, DATASET, log), log, Timing))


# --- datasets ----------------------------------------------------------------------------------

def ensure_dataset(work, revisions, log):
    directory = os.path.join(work, "history_%d" % revisions)
    wanted = dict(DATASET, count=revisions)
    manifest_path = os.path.join(directory, gen_history.MANIFEST)
    try:
        with open(manifest_path, encoding="utf-8") as f:
            have = json.load(f)
        if all(have.get(k) == v for k, v in wanted.items()):
            log("reusing %s" % directory)
            return directory
    except (OSError, ValueError):
        pass
    log("generating %d revisions into %s" % (revisions, directory))
    argv = ["--count", str(revisions), "--seed", str(DATASET["seed"]),
            "--branchiness", str(DATASET["branchiness"]), "--format", DATASET["format"],
            "--out", directory]
    argv += ["--labels"] if DATASET["labels"] else []
    argv += ["--depends"] if DATASET["depends"] else []
    gen_history.generate(gen_history.parse_args(argv))
    return directory


# --- report ------------------------------------------------------------------------------------

def ratio(a, b):
    if a is None or b is None or not a.ok() or not b.ok() or b.seconds <= 0:
        return "-"
    return "%.1fx" % (a.seconds / b.seconds)


def print_table(results, out, repeat):
    header = ["benchmark", "revisions", "floor", "retort", "alembic", "retort/floor",
              "alembic/retort"]
    rows = []
    notes = []
    for name, revisions, cols in results:
        read = cols.get("floor") or cols.get("read")
        retort, alembic = cols.get("retort"), cols.get("alembic")
        goal = cols.get("floor_goal", READ_GOAL)
        within = ""
        if "within" in cols:
            within = cols["within"]  # judged otherwise (see the row's notes)
        elif read and retort and read.ok() and retort.ok():
            within = " ok" if retort.seconds <= goal * read.seconds else " (goal %gx)" % goal
        faster = ratio(alembic, retort)
        alembic_goal = cols.get("alembic_goal")
        if alembic_goal and faster != "-":
            faster += " ok" if alembic.seconds >= alembic_goal * retort.seconds \
                else " (goal %gx)" % alembic_goal
        rows.append([name, str(revisions),
                     read.cell() if read else "-",
                     retort.cell() if retort else "-",
                     alembic.cell() if alembic else "-",
                     ratio(retort, read) + (within if ratio(retort, read) != "-" else ""),
                     faster])
        for n in cols.get("notes", []):
            notes.append("%s/%d: %s" % (name, revisions, n))
        for col, t in cols.items():
            if isinstance(t, Timing) and not t.ok():
                notes.append("%s/%d %s: %s (%s)" % (name, revisions, col, t.status, t.detail))
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths))
    out.write(line + "\n" + "-" * len(line) + "\n")
    for r in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "\n")
    if results:
        hows = sorted({cols.get("read_how") for _, _, cols in results if cols.get("read_how")})
        out.write("\nTimes: best of up to %d runs, wall clock, process start included.\n" % repeat)
        if hows:
            out.write("floor of heads/history: %s of alembic.ini + versions/*.\n" % ", ".join(hows))
        for name, _, cols in results:
            if cols.get("floor_how") and name.startswith("apply"):
                out.write("floor of %s: %s, BEGIN; statement; version UPDATE; COMMIT; per step "
                          "(alembic: op.execute, transaction_per_migration).\n"
                          % (name, cols["floor_how"]))
            elif cols.get("floor_how"):
                out.write("floor of %s: %s.\n" % (name, cols["floor_how"]))
    for n in notes:
        out.write("note: " + n + "\n")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--retort", default="", help="path to the built retort executable")
    p.add_argument("--alembic", default="/usr/bin/alembic", help="alembic command to compare with")
    p.add_argument("--readbytes", default="", help="path to the built bench_readbytes")
    p.add_argument("--floor-gui", default="", help="gui_*: path to the built bench_floor_gui")
    p.add_argument("--work", default=os.path.join(os.getcwd(), "bench-data"),
                   help="where generated histories live (reused across runs)")
    p.add_argument("--sizes", default="1000,10000", help="comma-separated revision counts")
    p.add_argument("--only", action="append", default=[],
                   help="run only this benchmark (repeatable, or comma-separated)")
    p.add_argument("--repeat", type=int, default=3, help="runs per command; the best one counts")
    p.add_argument("--budget", type=float, default=20.0,
                   help="stop repeating a command once its runs took this many seconds")
    p.add_argument("--json", default="", help="also write the results to this file")
    p.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    p.add_argument("--apply-steps", type=int, default=1000,
                   help="apply_*: number of trivial revisions to apply")
    p.add_argument("--apply-budget", type=float, default=300.0,
                   help="apply_*: stop repeating a contender once its runs took this many seconds")
    p.add_argument("--apply-timeout", type=float, default=1800.0,
                   help="apply_*: give up on one run after this many seconds")
    p.add_argument("--sqlite3", default="/usr/bin/sqlite3", help="apply_sqlite: the sqlite3 shell")
    p.add_argument("--backup-mb", type=int, default=1024, help="backup_sqlite: size of the database")
    p.add_argument("--backup-pg-mb", type=int, default=200, help="backup_postgres: size of the data")
    p.add_argument("--psql", default="/usr/bin/psql", help="apply_postgres: psql")
    p.add_argument("--pg-port", type=int, default=int(os.environ.get("RETORT_BENCH_PG_PORT", "55990")),
                   help="apply_postgres: port of the private server (127.0.0.1 only)")
    p.add_argument("--pg-fast", action="store_true",
                   help="apply_postgres: keep the test fixture's fsync=off instead of durable commits")
    return p.parse_args(argv)


def log(msg):
    sys.stderr.write("bench: %s\n" % msg)
    sys.stderr.flush()


def stop_on_sigterm(signum, frame):
    # A killed run (ctest timeout, kill) unwinds through main's finally: the server stops.
    raise SystemExit(128 + signum)


def main(argv):
    args = parse_args(argv)
    if args.list:
        for name, description, _, _ in BENCHMARKS:
            print("%-14s %s" % (name, description))
        return 0
    only = [n for item in args.only for n in item.split(",") if n]
    known = [name for name, _, _, _ in BENCHMARKS]
    unknown = [n for n in only if n not in known]
    if unknown:
        sys.stderr.write("unknown benchmark %s; known: %s\n" % (", ".join(unknown), ", ".join(known)))
        return 2
    selected = [b for b in BENCHMARKS if not only or b[0] in only]
    sizes = [int(s) for s in args.sizes.split(",") if s]
    args.retort = os.path.abspath(args.retort) if args.retort else ""
    args.floor_gui = os.path.abspath(args.floor_gui) if args.floor_gui else ""
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)

    results = []
    postgres = apply_bench.PostgresServer(args, log)
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    try:
        history = [b for b in selected if not b[3]]
        for revisions in sizes if history else []:
            directory = ensure_dataset(args.work, revisions, log)
            for name, _, fn, _ in history:
                log("%s on %d revisions" % (name, revisions))
                results.append((name, revisions, fn(Context(args, postgres), revisions, directory)))
        for name, _, fn, _ in [b for b in selected if b[3]]:
            log("%s on %d revisions" % (name, args.apply_steps))
            results.append((name, args.apply_steps,
                            fn(Context(args, postgres), args.apply_steps, None)))
    finally:
        postgres.stop()
    print_table(results, sys.stdout, args.repeat)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump([{"benchmark": n, "revisions": r,
                        "times": {c: {"seconds": t.seconds, "status": t.status, "detail": t.detail}
                                  for c, t in cols.items() if isinstance(t, Timing)},
                         "floor": cols.get("floor_how") or cols.get("read_how")}
                       for n, r, cols in results], f, indent=2)
    # Alembic failing on our own generated histories means the generator is wrong: say so.
    # So does the floor failing on the apply benchmarks' generated statements.
    broken = [(n, r) for n, r, cols in results
              if any(isinstance(cols.get(c), Timing) and cols[c].status == "failed"
                     for c in ("alembic", "floor"))]
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
