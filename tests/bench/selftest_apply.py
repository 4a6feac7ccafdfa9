#!/usr/bin/python3
"""Checks that the apply benchmarks compare like with like: gen_apply.py writes the same bytes
for the same arguments, and the floor script (sqlite3 shell), Debian's Alembic and, when given,
`retort upgrade` all leave a fresh SQLite file at the generated head with the same tables holding
the same rows. Exit status 0 on success, 1 with a reason.

    selftest_apply.py --work DIR [--retort build/x/app/retort] [--count 15]
"""

import argparse
import filecmp
import os
import shutil
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_apply  # noqa: E402


def files_under(directory):
    out = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        out += [os.path.relpath(os.path.join(root, n), directory) for n in sorted(names)]
    return out


def contents(db):
    """Head and every benchmark table's rows: what the steps were meant to produce."""
    con = sqlite3.connect(db)
    try:
        head = [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'bench_t%' "
            "ORDER BY name")]
        rows = {t: list(con.execute("SELECT id, name FROM %s ORDER BY id" % t)) for t in tables}
    finally:
        con.close()
    return head, rows


def run(argv, **kw):
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if proc.returncode != 0:
        raise RuntimeError("%s failed (exit %d):\n%s" % (" ".join(argv), proc.returncode,
                                                          proc.stderr.decode("utf-8", "replace")))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--work", required=True)
    p.add_argument("--count", type=int, default=15)
    p.add_argument("--retort", default="")
    p.add_argument("--alembic", default="/usr/bin/alembic")
    p.add_argument("--sqlite3", default="/usr/bin/sqlite3")
    args = p.parse_args(argv)

    shutil.rmtree(args.work, ignore_errors=True)
    a, b = os.path.join(args.work, "a"), os.path.join(args.work, "b")
    manifest = gen_apply.generate(gen_apply.parse_args(["--count", str(args.count), "--out", a]))
    gen_apply.generate(gen_apply.parse_args(["--count", str(args.count), "--out", b]))
    names = files_under(a)
    if names != files_under(b):
        print("FAIL: two runs wrote different file lists")
        return 1
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    if mismatch or errors:
        print("FAIL: two runs wrote different bytes: %s" % (mismatch + errors)[:5])
        return 1
    if manifest["tables"] < 2 or manifest["tables"] >= args.count:
        print("FAIL: expected a mix of CREATE TABLE and INSERT steps, got %d tables in %d steps"
              % (manifest["tables"], args.count))
        return 1

    dbs = {}
    try:
        dbs["floor"] = os.path.join(args.work, "floor.db")
        with open(os.path.join(a, "floor.sql"), "rb") as script:
            run([args.sqlite3, dbs["floor"]], stdin=script)
        dbs["alembic"] = os.path.join(args.work, "alembic.db")
        run([args.alembic, "-c", os.path.join(a, "alembic", "alembic.ini"), "upgrade", "head"],
            cwd=os.path.join(a, "alembic"),
            env=dict(os.environ, DATABASE_URL="sqlite:///" + dbs["alembic"]))
        if args.retort:
            dbs["retort"] = os.path.join(args.work, "retort.db")
            run([args.retort, "-d", os.path.join(a, "native"), "--url", "sqlite:///" + dbs["retort"],
                 "upgrade", "head"])
    except RuntimeError as e:
        print("FAIL: %s" % e)
        return 1

    expected_head = [manifest["head"]]
    reference = None
    for name, db in dbs.items():
        head, rows = contents(db)
        if head != expected_head:
            print("FAIL: %s left the version table at %s, expected %s" % (name, head, expected_head))
            return 1
        if len(rows) != manifest["tables"]:
            print("FAIL: %s created %d tables, expected %d" % (name, len(rows), manifest["tables"]))
            return 1
        if reference is None:
            reference = (name, rows)
        elif rows != reference[1]:
            print("FAIL: %s and %s leave different rows" % (reference[0], name))
            return 1
    print("ok: %s agree on %d steps (%d tables)" % (", ".join(dbs), args.count, manifest["tables"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
