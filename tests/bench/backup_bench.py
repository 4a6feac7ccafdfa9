"""The backup benchmarks, registered by run_benchmarks.py:

- backup_sqlite: `retort backup` of an SQLite file of --backup-mb megabytes (default 1024)
  against what a careful person runs by hand for the same verified backup (the floor; goal: no
  slower): `sqlite3 SRC ".backup DST"`, `sha256sum DST` and `sqlite3 DST "PRAGMA
  integrity_check"`, one after another. `cp` of the file is timed too, as a column of its own.
  retort's own JSON output splits its time into the copy (backup API + fsync), integrity_check
  and SHA-256.
- backup_postgres: `retort backup` of a PostgreSQL database against running pg_dump
  --format=custom directly (the floor), on the runner's private server.

The database is built once per size under --work and reused. Standard library only.
"""

import json
import os
import sqlite3
import subprocess
import time

import apply_bench

PG_DATABASE = "bench_backup"


def _best(argv, repeat, before=None, env=None):
    best, last = None, None
    for _ in range(max(1, repeat)):
        if before:
            before()
        start = time.perf_counter()
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            return None, proc.stderr.decode("utf-8", "replace").strip()[-300:], None
        last = proc.stdout
        best = elapsed if best is None else min(best, elapsed)
    return best, "", last


def _project(work):
    directory = os.path.join(work, "backup_project")
    os.makedirs(os.path.join(directory, "versions"), exist_ok=True)
    with open(os.path.join(directory, "alembic.ini"), "w", encoding="utf-8") as f:
        f.write("[alembic]\n\n[retort]\nbackup_keep = 0\n")
    return directory


def ensure_sqlite(work, megabytes, log):
    path = os.path.join(work, "backup_%dmb.db" % megabytes)
    if os.path.exists(path) and os.path.getsize(path) >= megabytes * 1024 * 1024:
        log("reusing %s" % path)
        return path
    log("building a %d MB SQLite database at %s" % (megabytes, path))
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    db.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload BLOB)")
    chunk = os.urandom(4000)
    count = megabytes * 1024 * 1024 // 4100 + 1
    db.executemany("INSERT INTO rows (payload) VALUES (?)", ((chunk,) for _ in range(count)))
    db.commit()
    db.close()
    return path


def backup_sqlite(ctx, log, Timing):
    args = ctx.args
    work = args.work
    source = ensure_sqlite(work, args.backup_mb, log)
    project = _project(work)
    target_cp = os.path.join(work, "backup_cp.db")
    target_retort = os.path.join(work, "backup_retort.db")

    def clean():
        for p in (target_cp, target_retort, target_retort + ".json"):
            if os.path.exists(p):
                os.remove(p)

    sqlite3 = getattr(args, "sqlite3", None) or "sqlite3"
    by_hand = ("%s %s '.backup %s' && sha256sum %s >/dev/null && %s %s 'PRAGMA integrity_check' >/dev/null"
               % (sqlite3, source, target_cp, target_cp, sqlite3, target_cp))
    floor, error, _ = _best(["sh", "-c", by_hand], args.repeat, before=clean)
    cp, cp_error, _ = _best(["cp", source, target_cp], args.repeat, before=clean)
    cols = {"floor": Timing(floor) if floor else Timing(status="failed", detail=error),
            "floor_how": "sqlite3 .backup, then sha256sum, then sqlite3 PRAGMA integrity_check",
            "floor_goal": 1.0,
            "cp": Timing(cp) if cp else Timing(status="failed", detail=cp_error)}
    if cp:
        cols["notes"] = ["cp of the same file alone: %.3f s" % cp]
    retort, error, out = _best([args.retort, "-d", project, "--url", "sqlite:///" + source, "backup",
                                "--to", target_retort, "--json"], args.repeat, before=clean)
    if retort is None:
        cols["retort"] = Timing(status="failed", detail=error)
    else:
        cols["retort"] = Timing(retort)
        timings = json.loads(out.decode("utf-8")).get("timings_ms", {})
        for key in ("copy", "verify", "checksum"):
            cols["retort_" + key] = Timing(timings.get(key, 0) / 1000.0)
        cols.setdefault("notes", []).append(
            "retort's own phases: copy %.3f s, integrity_check %.3f s, sha256 %.3f s"
            % tuple(timings.get(k, 0) / 1000.0 for k in ("copy", "verify", "checksum")))
    clean()
    return cols


def backup_postgres(ctx, log, Timing):
    args = ctx.args
    failure = ctx.postgres.ensure()
    if failure:
        return {"retort": Timing(status="failed", detail=failure)}
    server = ctx.postgres
    exists = server.psql("SELECT 1 FROM pg_database WHERE datname = '%s'" % PG_DATABASE).strip()
    if not exists:
        log("building database %s (%d MB of rows)" % (PG_DATABASE, args.backup_pg_mb))
        server.psql("CREATE DATABASE %s" % PG_DATABASE)
        server.psql("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY); "
                    "CREATE TABLE rows (id SERIAL PRIMARY KEY, payload TEXT); "
                    "INSERT INTO rows (payload) SELECT md5(g::text) || repeat('x', 1000) "
                    "FROM generate_series(1, %d) g" % (args.backup_pg_mb * 1024 * 1024 // 1100),
                    database=PG_DATABASE)
    work = args.work
    project = _project(work)
    target_direct = os.path.join(work, "backup_direct.dump")
    target_retort = os.path.join(work, "backup_retort.dump")

    def clean():
        for p in (target_direct, target_retort, target_retort + ".json"):
            if os.path.exists(p):
                os.remove(p)

    url = "postgresql://postgres@127.0.0.1:%d/%s" % (server.port, PG_DATABASE)
    direct, error, _ = _best(["pg_dump", "--format=custom", "--file=" + target_direct,
                              "--dbname=host=127.0.0.1 port=%d user=postgres dbname=%s"
                              % (server.port, PG_DATABASE)], args.repeat, before=clean)
    cols = {"floor": Timing(direct) if direct else Timing(status="failed", detail=error),
            "floor_how": "pg_dump"}
    retort, error, out = _best([args.retort, "-d", project, "--url", url, "backup", "--to", target_retort,
                                "--json"], args.repeat, before=clean)
    if retort is None:
        cols["retort"] = Timing(status="failed", detail=error)
    else:
        cols["retort"] = Timing(retort)
        timings = json.loads(out.decode("utf-8")).get("timings_ms", {})
        for key in ("copy", "verify", "checksum"):
            cols["retort_" + key] = Timing(timings.get(key, 0) / 1000.0)
    clean()
    return cols
