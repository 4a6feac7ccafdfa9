#!/usr/bin/python3
"""Differential test of offline SQL: `retort VERB --sql` on a native SQL project against
`alembic VERB --sql` on the same history written as Python revisions that op.execute() the
same statements. Both must print the same script, byte for byte, for SQLite and PostgreSQL.

Usage: offline_differential.py --retort PATH [--cases N] [--seed S]
"""

import argparse
import io
import os
import random
import subprocess
import sys
import tempfile

from alembic import command, util
from alembic.config import Config
from alembic.script.base import Script

# Alembic 1.8.1 lists revision files unsorted; current Alembic and Retort sort them.
_list_unsorted = Script._list_py_dir.__func__
Script._list_py_dir = classmethod(lambda cls, sd, path: sorted(_list_unsorted(cls, sd, path)))

ENV_PY = '''
import os
from alembic import context
config = context.config
def run_migrations_offline():
    context.configure(url=os.environ["DATABASE_URL"], literal_binds=True,
                      dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()
run_migrations_offline()
'''

MAKO = '"""${message}"""\n'


def make_graph(rng, count):
    revs = []
    heads = []
    for i in range(count):
        rid = "%012x" % rng.getrandbits(48)
        if not revs:
            down = []
        elif len(heads) > 1 and rng.random() < 0.3:
            down = rng.sample(heads, 2)
        elif rng.random() < 0.25:
            down = [rng.choice(revs)["id"]]
        else:
            down = [heads[-1]]
        for d in down:
            if d in heads:
                heads.remove(d)
        heads.append(rid)
        up = ["CREATE TABLE t_%s (id INTEGER PRIMARY KEY, note VARCHAR(20) DEFAULT 'it''s')" % rid,
              "INSERT INTO t_%s (id) VALUES (%d)" % (rid, i)]
        revs.append({"id": rid, "down": down, "up": up, "downsql": ["DROP TABLE t_%s" % rid]})
    return revs


def write_projects(root, revs):
    native = os.path.join(root, "native")
    python = os.path.join(root, "python")
    os.makedirs(os.path.join(native, "versions"))
    os.makedirs(os.path.join(python, "versions"))
    with open(os.path.join(python, "alembic.ini"), "w") as f:
        f.write("[alembic]\nscript_location = %(here)s\n")
    with open(os.path.join(python, "env.py"), "w") as f:
        f.write(ENV_PY)
    with open(os.path.join(python, "script.py.mako"), "w") as f:
        f.write(MAKO)
    for n, r in enumerate(revs):
        name = "%03d_%s" % (n, r["id"])
        with open(os.path.join(native, "versions", name + ".sql"), "w") as f:
            f.write("-- Revision ID: %s\n-- Revises: %s\n-- Message: step %d\n\n-- +upgrade\n%s;\n\n"
                    "-- +downgrade\n%s;\n" % (r["id"], ", ".join(r["down"]), n,
                                             ";\n".join(r["up"]), ";\n".join(r["downsql"])))
        down = "None" if not r["down"] else (repr(r["down"][0]) if len(r["down"]) == 1
                                             else repr(tuple(r["down"])))
        with open(os.path.join(python, "versions", name + ".py"), "w") as f:
            f.write('"""step %d"""\nfrom alembic import op\n\nrevision = %r\ndown_revision = %s\n'
                    'branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n%s\n\n\n'
                    'def downgrade():\n%s\n' % (
                        n, r["id"], down,
                        "\n".join("    op.execute(%r)" % s for s in r["up"]),
                        "\n".join("    op.execute(%r)" % s for s in r["downsql"])))
    return native, python


def alembic_sql(python, url, verb, target):
    os.environ["DATABASE_URL"] = url
    buf = io.StringIO()
    cfg = Config(os.path.join(python, "alembic.ini"), stdout=buf)
    cfg.output_buffer = buf
    try:
        getattr(command, verb)(cfg, target, sql=True)
    except util.CommandError as e:
        return ("error", str(e))
    return ("ok", buf.getvalue())


def retort_sql(retort, native, url, verb, target):
    proc = subprocess.run([retort, "-d", native, "--url", url, verb, target, "--sql"],
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        return ("error", proc.stderr.strip())
    return ("ok", proc.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--retort", required=True)
    parser.add_argument("--cases", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    opts = parser.parse_args()
    rng = random.Random(opts.seed)
    compared = failed = 0
    with tempfile.TemporaryDirectory(prefix="retort-offline-") as tmp:
        for case in range(opts.cases):
            revs = make_graph(rng, rng.choice([1, 3, 6, 10]))
            native, python = write_projects(os.path.join(tmp, "c%d" % case), revs)
            ids = [r["id"] for r in revs]
            a, b = sorted(rng.sample(range(len(ids)), 2)) if len(ids) > 1 else (0, 0)
            linear_pair = ids[a] in revs[b]["down"] if b > a else False
            commands = [("upgrade", "heads"), ("upgrade", ids[0]), ("stamp", ids[-1])]
            if linear_pair:
                commands += [("upgrade", "%s:%s" % (ids[a], ids[b])),
                             ("downgrade", "%s:%s" % (ids[b], ids[a]))]
            commands.append(("downgrade", "%s:base" % ids[0]))
            for url in ("sqlite:///offline.db", "postgresql://u:secret@localhost/db"):
                for verb, target in commands:
                    expected = alembic_sql(python, url, verb, target)
                    if expected[0] != "ok":
                        continue  # only compare what Alembic can render
                    actual = retort_sql(opts.retort, native, url, verb, target)
                    compared += 1
                    if actual != expected:
                        failed += 1
                        if failed <= 10:
                            print("MISMATCH case %d %s `%s %s --sql`\n--- alembic\n%s\n--- retort\n%s"
                                  % (case, url.split(":")[0], verb, target, expected[1], actual[1]))
                    if "secret" in actual[1]:
                        failed += 1
                        print("password leaked in output of `%s %s`" % (verb, target))
    print("%d offline scripts compared, %d mismatches" % (compared, failed))
    print("%d passed, %d failed" % (compared - failed, failed))
    return 1 if failed or compared == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
