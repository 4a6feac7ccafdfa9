"""The apply benchmarks: `retort upgrade` of many trivial native revisions on a fresh database,
against the database's own shell running the same statements with the same commits (the floor)
and against Debian's Alembic running them through op.execute.

Used by run_benchmarks.py, which registers `apply_sqlite` and `apply_postgres`. Every timed run
starts from an empty database (prepared outside the timing) and must end at the generated head,
checked after the run (also outside the timing); a run that does not is reported as failed.
Standard library only.
"""

import collections
import json
import os
import shutil
import sqlite3
import subprocess
import time

import gen_apply

# What one tool's best run came to: seconds (best) or a status with the reason.
Measurement = collections.namedtuple("Measurement", "seconds status detail")

POSTGRES_SH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                           "fixtures", "postgres.sh")
PG_DATABASE = "bench_apply"


def ensure_steps(work, count, log):
    """The generated project for `count` steps under `work`, reused when the manifest matches."""
    directory = os.path.join(work, "apply_%d" % count)
    try:
        with open(os.path.join(directory, gen_apply.MANIFEST), encoding="utf-8") as f:
            have = json.load(f)
        if have.get("count") == count and have.get("seed") == 1:
            log("reusing %s" % directory)
            return directory, have
    except (OSError, ValueError):
        pass
    log("generating %d trivial revisions into %s" % (count, directory))
    manifest = gen_apply.generate(gen_apply.parse_args(["--count", str(count), "--out", directory]))
    return directory, manifest


class Tool:
    """One contender: how to run it, how to reset the database before, how to check after."""

    def __init__(self, column, argv, prepare, check, cwd=None, env=None, stdin_path=None):
        self.column = column
        self.argv = argv
        self.prepare = prepare
        self.check = check
        self.cwd = cwd
        self.env = env
        self.stdin_path = stdin_path
        self.best = None
        self.failure = None  # Measurement explaining why there is no time

    def run_once(self, timeout):
        if self.failure:
            return
        if not os.path.exists(self.argv[0]):
            self.failure = Measurement(None, "not available", "%s not found" % self.argv[0])
            return
        try:
            self.prepare()
        except Exception as e:  # a broken setup is this tool's failure, not the whole run's
            self.failure = Measurement(None, "failed", "preparing the database: %s" % e)
            return
        stdin = open(self.stdin_path, "rb") if self.stdin_path else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            proc = subprocess.run(self.argv, cwd=self.cwd, env=self.env, stdin=stdin,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
            elapsed = time.perf_counter() - start
        except (OSError, subprocess.TimeoutExpired) as e:
            self.failure = Measurement(None, "failed", str(e))
            return
        finally:
            if self.stdin_path:
                stdin.close()
        if proc.returncode != 0:
            text = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
            self.failure = Measurement(None, "failed", "exit %d: %s" % (
                proc.returncode, text[-1] if text else ""))
            return
        problem = self.check()
        if problem:
            self.failure = Measurement(None, "failed", problem)
            return
        self.best = elapsed if self.best is None else min(self.best, elapsed)

    def result(self):
        return self.failure or Measurement(self.best, "ok", "")


def race(tools, repeat, budget, timeout, log):
    """Runs the tools in turns (a, b, c, a, b, c, ...) so that a slow phase of the machine hits
    all of them alike; a tool stops repeating once its runs took `budget` seconds."""
    spent = {t.column: 0.0 for t in tools}
    for round_number in range(max(1, repeat)):
        for tool in tools:
            if spent[tool.column] > budget and tool.best is not None:
                continue
            before = time.perf_counter()
            tool.run_once(timeout)
            spent[tool.column] += time.perf_counter() - before
            if tool.best is not None and not tool.failure:
                log("  %s run %d: best so far %.3f s" % (tool.column, round_number + 1, tool.best))
            elif tool.failure and round_number == 0:
                log("  %s: %s (%s)" % (tool.column, tool.failure.status, tool.failure.detail))
    return {t.column: t.result() for t in tools}


# --- SQLite ------------------------------------------------------------------------------------

def remove_sqlite(path):
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


def sqlite_head_check(path, head):
    def check():
        try:
            con = sqlite3.connect(path)
            try:
                rows = [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
            finally:
                con.close()
        except sqlite3.Error as e:
            return "cannot read the version table: %s" % e
        return None if rows == [head] else "version table holds %s, expected [%s]" % (rows, head)
    return check


def apply_sqlite(args, log):
    directory, manifest = ensure_steps(args.work, args.apply_steps, log)
    head = manifest["head"]
    runs = os.path.join(directory, "run")
    os.makedirs(runs, exist_ok=True)
    db = {name: os.path.join(runs, "%s.db" % name) for name in ("floor", "retort", "alembic")}
    env = dict(os.environ, DATABASE_URL="sqlite:///" + db["alembic"])
    tools = [
        Tool("floor", [args.sqlite3, db["floor"]], lambda: remove_sqlite(db["floor"]),
             sqlite_head_check(db["floor"], head), stdin_path=os.path.join(directory, "floor.sql")),
        Tool("retort", [args.retort or "retort", "-d", os.path.join(directory, "native"),
                        "--url", "sqlite:///" + db["retort"], "upgrade", "head"],
             lambda: remove_sqlite(db["retort"]), sqlite_head_check(db["retort"], head)),
        Tool("alembic", [args.alembic, "-c", os.path.join(directory, "alembic", "alembic.ini"),
                         "upgrade", "head"],
             lambda: remove_sqlite(db["alembic"]), sqlite_head_check(db["alembic"], head),
             cwd=os.path.join(directory, "alembic"), env=env),
    ]
    results = race(tools, args.repeat, args.apply_budget, args.apply_timeout, log)
    results["floor_how"] = "sqlite3 shell"
    return results


# --- PostgreSQL --------------------------------------------------------------------------------

class PostgresServer:
    """A private server for the benchmark (tests/fixtures/postgres.sh with our own port and
    directory), started on first use and stopped by stop(), which the runner always calls."""

    def __init__(self, args, log):
        self.args = args
        self.log = log
        self.state = os.path.join(args.work, "postgres")
        self.port = args.pg_port
        self.started = False
        self.failure = None

    def _script(self, action):
        env = dict(os.environ)
        # postgres.sh creates a password role for the test suite; this run never logs in with it.
        env.setdefault("RETORT_TEST_PG_PASSWORD", os.urandom(12).hex())
        return subprocess.run(["bash", POSTGRES_SH, action, self.state, str(self.port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)

    def psql(self, sql, database="postgres"):
        proc = subprocess.run([self.args.psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                               "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                               "-d", database, "-c", sql],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip())
        return proc.stdout.decode("utf-8", "replace")

    def ensure(self):
        if self.started or self.failure:
            return self.failure
        self.log("starting a private PostgreSQL on port %d in %s" % (self.port, self.state))
        # Marked started before the script runs: a half-started server is stopped too.
        self.started = True
        proc = self._script("start")
        if proc.returncode != 0:
            self.failure = "postgres.sh start failed: %s" % proc.stdout.decode(
                "utf-8", "replace").strip().splitlines()[-1:]
            return self.failure
        if not self.args.pg_fast:
            # The fixture turns durability off for speed; every contender here should pay for
            # real commits, as on a production server.
            try:
                for sql in ("ALTER SYSTEM SET fsync = on",
                            "ALTER SYSTEM SET synchronous_commit = on",
                            "ALTER SYSTEM SET full_page_writes = on",
                            "SELECT pg_reload_conf()"):
                    self.psql(sql)
                time.sleep(0.5)
                settings = self.psql("SELECT current_setting('fsync') || ' ' || "
                                     "current_setting('synchronous_commit')").strip()
                if settings != "on on":
                    self.failure = "could not turn durable commits on (%s)" % settings
            except RuntimeError as e:
                self.failure = "could not turn durable commits on: %s" % e
        return self.failure

    def fresh_database(self):
        self.psql("DROP DATABASE IF EXISTS %s" % PG_DATABASE)
        self.psql("CREATE DATABASE %s" % PG_DATABASE)

    def head_check(self, head):
        def check():
            try:
                rows = self.psql("SELECT version_num FROM alembic_version", PG_DATABASE).split()
            except RuntimeError as e:
                return "cannot read the version table: %s" % e
            return None if rows == [head] else "version table holds %s, expected [%s]" % (rows, head)
        return check

    def url(self, scheme="postgresql"):
        return "%s://postgres@127.0.0.1:%d/%s" % (scheme, self.port, PG_DATABASE)

    def stop(self):
        if not self.started:
            return
        self.started = False
        self.log("stopping the private PostgreSQL on port %d" % self.port)
        # A run interrupted while the server was still starting up can make the first attempt
        # miss it; try again before giving up.
        for attempt in range(3):
            try:
                proc = self._script("stop")
                if proc.returncode == 0:
                    shutil.rmtree(self.state, ignore_errors=True)
                    return
                problem = proc.stdout.decode("utf-8", "replace").strip().splitlines()[-1:]
            except (OSError, subprocess.TimeoutExpired) as e:
                problem = str(e)
            time.sleep(2)
        # The next run's start stops a server left in this directory.
        self.log("could not stop the server (%s); its state stays in %s" % (problem, self.state))


def apply_postgres(args, server, log):
    directory, manifest = ensure_steps(args.work, args.apply_steps, log)
    problem = server.ensure()
    if problem:
        return {c: Measurement(None, "failed", problem) for c in ("floor", "retort", "alembic")}
    head = manifest["head"]
    check = server.head_check(head)
    env = dict(os.environ, DATABASE_URL=server.url())
    tools = [
        Tool("floor", [args.psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                       "-p", str(server.port), "-U", "postgres", "-d", PG_DATABASE,
                       "-f", os.path.join(directory, "floor.sql")],
             server.fresh_database, check),
        Tool("retort", [args.retort or "retort", "-d", os.path.join(directory, "native"),
                        "--url", server.url(), "upgrade", "head"],
             server.fresh_database, check),
        Tool("alembic", [args.alembic, "-c", os.path.join(directory, "alembic", "alembic.ini"),
                         "upgrade", "head"],
             server.fresh_database, check, cwd=os.path.join(directory, "alembic"), env=env),
    ]
    results = race(tools, args.repeat, args.apply_budget, args.apply_timeout, log)
    results["floor_how"] = "psql, one script" + ("" if args.pg_fast else ", fsync on")
    return results
