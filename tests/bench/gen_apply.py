#!/usr/bin/python3
"""Generate one straight history of trivial revisions in every shape the apply benchmarks need.

Each revision runs exactly one tiny statement: a CREATE TABLE, or an INSERT of one row into the
newest table. The same statements, in the same order, are written as

    DIR/native/versions/<id>_step_<n>.sql    Retort's native SQL revisions
    DIR/alembic/versions/<id>_step_<n>.py    Alembic revisions calling op.execute(<statement>)
    DIR/alembic/{alembic.ini,env.py,...}     an Alembic project whose env.py reads DATABASE_URL
                                             and commits once per revision
    DIR/floor.sql                            the floor: per revision BEGIN; statement; UPDATE of
                                             the one-row version table; COMMIT; for the sqlite3
                                             shell or psql reading one script
    DIR/apply.json                           a manifest: the arguments, the ids, the head

The statements are valid on SQLite and PostgreSQL alike. Deterministic: the same arguments write
byte-identical files. Standard library only.

    gen_apply.py --count 1000 --out DIR [--seed 1]
"""

import argparse
import json
import os
import random
import shutil
import sys

import alembic_files  # sits next to this file

MANIFEST = "apply.json"

ALEMBIC_INI = alembic_files.alembic_ini(
    "Trivial revisions for the apply benchmark (tests/bench/gen_apply.py).\n"
    "The database comes from DATABASE_URL (see env.py).",
    [
        "script_location = %(here)s",
        "version_path_separator = os",
    ])

# One transaction per revision, like Retort and like the floor script (Alembic's default would
# be one transaction around the whole run, which syncs the disk once instead of once per step).
ENV_PY = alembic_files.env_py(
    "import os\n"
    "from logging.config import fileConfig\n"
    "\n"
    "from sqlalchemy import create_engine\n"
    "from sqlalchemy import pool\n",
    '''\


def run_migrations_online() -> None:
    engine = create_engine(os.environ["DATABASE_URL"], poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=None,
                          transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("the apply benchmark runs online only")
run_migrations_online()
''')

SCRIPT_MAKO = '''\
"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}

"""
from alembic import op

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
'''


class Step:
    def __init__(self, number, rid, parent, up, down):
        self.number = number
        self.id = rid
        self.parent = parent
        self.up = up      # one statement, no trailing semicolon
        self.down = down


def new_ids(rng, count):
    ids, seen = [], set()
    while len(ids) < count:
        rid = "%012x" % rng.getrandbits(48)
        # All-digit ids read as numbers in some places of Alembic; the real ones never are.
        if rid in seen or rid.isdigit():
            continue
        seen.add(rid)
        ids.append(rid)
    return ids


def build(count, seed):
    rng = random.Random(seed)
    ids = new_ids(rng, count)
    steps, table, rows = [], None, 0
    for n, rid in enumerate(ids, start=1):
        # A new table every few steps, rows into the newest table in between.
        if table is None or rows >= 3 or rng.random() < 0.25:
            table, rows = "bench_t%d" % n, 0
            up = "CREATE TABLE %s (id INTEGER PRIMARY KEY, name VARCHAR(40))" % table
            down = "DROP TABLE %s" % table
        else:
            rows += 1
            up = "INSERT INTO %s (id, name) VALUES (%d, 'row %d')" % (table, n, n)
            down = "DELETE FROM %s WHERE id = %d" % (table, n)
        steps.append(Step(n, rid, ids[n - 2] if n > 1 else None, up, down))
    return steps


def native_file(step):
    return "\n".join([
        "-- Revision ID: %s" % step.id,
        "-- Revises: %s" % (step.parent or ""),
        "-- Message: step %d" % step.number,
        "",
        "-- +upgrade",
        step.up + ";",
        "",
        "-- +downgrade",
        step.down + ";",
        "",
    ])


def alembic_file(step):
    return "\n".join([
        '"""step %d' % step.number,
        "",
        "Revision ID: %s" % step.id,
        "Revises: %s" % (step.parent or ""),
        "",
        '"""',
        "from alembic import op",
        "",
        "revision = %r" % step.id,
        "down_revision = %r" % step.parent,
        "branch_labels = None",
        "depends_on = None",
        "",
        "",
        "def upgrade():",
        "    op.execute(%r)" % step.up,
        "",
        "",
        "def downgrade():",
        "    op.execute(%r)" % step.down,
        "",
    ])


def floor_script(steps):
    """What a person would type to do the same work by hand, with the same commits."""
    lines = []
    previous = None
    for step in steps:
        lines.append("BEGIN;")
        if previous is None:
            # Like the first step of a migration tool: the version table comes with it.
            lines += ["CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                      "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));",
                      step.up + ";",
                      "INSERT INTO alembic_version (version_num) VALUES ('%s');" % step.id]
        else:
            lines += [step.up + ";",
                      "UPDATE alembic_version SET version_num='%s' "
                      "WHERE alembic_version.version_num = '%s';" % (step.id, previous)]
        lines.append("COMMIT;")
        previous = step.id
    return "\n".join(lines) + "\n"


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)


def generate(args):
    steps = build(args.count, args.seed)
    native = os.path.join(args.out, "native", "versions")
    alembic = os.path.join(args.out, "alembic")
    fresh_dir(native)
    fresh_dir(os.path.join(alembic, "versions"))
    for step in steps:
        write(os.path.join(native, "%s_step_%d.sql" % (step.id, step.number)), native_file(step))
        write(os.path.join(alembic, "versions", "%s_step_%d.py" % (step.id, step.number)),
              alembic_file(step))
    write(os.path.join(alembic, "alembic.ini"), ALEMBIC_INI)
    write(os.path.join(alembic, "env.py"), ENV_PY)
    write(os.path.join(alembic, "script.py.mako"), SCRIPT_MAKO)
    write(os.path.join(args.out, "floor.sql"), floor_script(steps))
    manifest = {
        "count": args.count,
        "seed": args.seed,
        "head": steps[-1].id if steps else None,
        "ids": [s.id for s in steps],
        "tables": sum(1 for s in steps if s.up.startswith("CREATE TABLE")),
    }
    write(os.path.join(args.out, MANIFEST), json.dumps(manifest, indent=1) + "\n")
    return manifest


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--count", type=int, default=1000, help="number of revisions (at least 1)")
    p.add_argument("--seed", type=int, default=1, help="seed of the revision ids")
    p.add_argument("--out", required=True, help="directory to write (its parts are replaced)")
    args = p.parse_args(argv)
    if args.count < 1:
        p.error("--count must be at least 1")
    return args


def main(argv):
    manifest = generate(parse_args(argv))
    sys.stdout.write("%d revisions, head %s\n" % (manifest["count"], manifest["head"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
