#!/usr/bin/python3
"""Generate a synthetic migration history in Alembic's file shape (or Retort's native SQL shape).

Fully deterministic for a given set of arguments: the same seed always writes byte-identical
files. Standard library only, so Debian's /usr/bin/python3 runs it as is.

    gen_history.py --count 1000 --seed 7 --branchiness 0.2 --labels --depends --out DIR

writes DIR/alembic.ini (script_location = %(here)s), DIR/env.py, DIR/script.py.mako, DIR/README,
DIR/versions/<id>_<slug>.py (or .sql with --format sql) and DIR/generated.json, a manifest with the
arguments and the heads the history ends with (in file order), so tests can check them.
"""

import argparse
import datetime
import json
import os
import random
import re
import shutil
import sys

import alembic_files  # sits next to this file

MANIFEST = "generated.json"

WORDS_VERB = ["Add", "Create", "Drop", "Rename", "Index", "Backfill", "Split", "Extend", "Track",
              "Normalize", "Remove", "Widen"]
WORDS_THING = ["phone number", "email", "status", "created_at", "owner", "price", "currency",
               "audit trail", "soft delete", "slug", "tenant id", "api key", "locale", "avatar",
               "last login", "discount", "tax rate", "shipping address", "priority", "tags"]
WORDS_TABLE = ["users", "orders", "invoices", "products", "accounts", "sessions", "payments",
               "customers", "teams", "projects", "events", "comments", "subscriptions", "roles"]
LABEL_NAMES = ["billing", "auth", "reports", "search", "audit", "payments", "inventory",
               "shipping", "analytics", "notifications", "catalog", "support"]

ALEMBIC_INI = alembic_files.alembic_ini(
    "A generated migration history (tests/bench/gen_history.py).",
    [
        "script_location = %(here)s",
        "prepend_sys_path = .",
        "version_path_separator = os",
        "sqlalchemy.url = sqlite:///%(here)s/bench.db",
    ], alembic_level="INFO")

ENV_PY = alembic_files.env_py(
    "from logging.config import fileConfig\n"
    "\n"
    "from sqlalchemy import engine_from_config\n"
    "from sqlalchemy import pool\n",
    '''\

target_metadata = None


def run_migrations_offline() -> None:
    url = config.get_main_option("sqlalchemy.url")
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )

    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )

    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)

        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
''')

SCRIPT_MAKO = '''\
"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

# revision identifiers, used by Alembic.
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
'''


class Rev:
    def __init__(self, rid, parents, message, date):
        self.id = rid
        self.parents = parents  # list of ids, first parent first
        self.labels = []
        self.depends = []
        self.message = message
        self.date = date


def slugify(message, truncate=40):
    # Alembic's own rule for file names: word characters joined by "_", cut at a word boundary.
    slug = "_".join(re.findall(r"\w+", message)).lower()
    if len(slug) > truncate:
        slug = slug[:truncate].rsplit("_", 1)[0] + "_"
    return slug


class Generator:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.used_ids = set()
        self.used_labels = []
        self.revs = []

    def new_id(self):
        while True:
            rid = "%012x" % self.rng.getrandbits(48)
            if rid not in self.used_ids and not rid.isdigit():
                self.used_ids.add(rid)
                return rid

    def message(self):
        r = self.rng
        return "%s %s to %s" % (r.choice(WORDS_VERB), r.choice(WORDS_THING), r.choice(WORDS_TABLE))

    def label(self):
        name = LABEL_NAMES[len(self.used_labels)]
        self.used_labels.append(name)
        return name

    def build(self):
        args, rng = self.args, self.rng
        b = args.branchiness
        # Branchy histories end with a few heads; a straight one with exactly one.
        target_heads = 1 if b <= 0 else 2 + rng.randrange(3)
        max_open = 6
        date = datetime.datetime(2024, 1, 8, 9, 0, 0)
        heads = []  # open tips, oldest branch first
        for i in range(args.count):
            date += datetime.timedelta(minutes=rng.randrange(30, 60 * 24 * 3),
                                       microseconds=rng.randrange(1000000))
            remaining = args.count - i
            must_merge = len(heads) > 1 and len(heads) - target_heads >= remaining
            roll = rng.random()
            if not heads:
                rev = Rev(self.new_id(), [], "Initial schema", date)
            elif must_merge or (len(heads) > 1 and (roll < b / 2 or len(heads) > max_open)
                                and (len(heads) > target_heads or remaining > 2 * max_open)):
                k = 2
                if len(heads) >= 3 and rng.random() < 0.15:
                    k = 3
                if must_merge:
                    k = min(len(heads), len(heads) - target_heads + 1, 3)
                parents = rng.sample(heads, k)
                for p in parents:
                    heads.remove(p)
                msg = "Merge " + ", ".join(p[:6] for p in parents)
                rev = Rev(self.new_id(), parents, msg, date)
            elif roll < b and len(self.revs) > 1 and remaining > len(heads) + 1 - target_heads:
                # Fork off a recent revision that is not a tip: a new branch beside the others.
                recent = [r.id for r in self.revs[-10:] if r.id not in heads] or [self.revs[-1].id]
                parent = rng.choice(recent)
                rev = Rev(self.new_id(), [parent], self.message(), date)
                # Real projects name a handful of long-lived branches, not every fork.
                if args.labels and len(self.used_labels) < len(LABEL_NAMES) \
                        and rng.random() < 0.3:
                    rev.labels.append(self.label())
            else:
                # Mostly continue the newest line of work.
                parent = heads[-1] if rng.random() < 0.7 else rng.choice(heads)
                heads.remove(parent)
                rev = Rev(self.new_id(), [parent], self.message(), date)
            if args.depends and rev.parents and len(rev.parents) == 1 and len(self.revs) > 3 \
                    and rng.random() < 0.08:
                candidates = [r.id for r in self.revs[:-1] if r.id not in rev.parents]
                rev.depends.append(rng.choice(candidates))
                if rng.random() < 0.2:
                    extra = rng.choice(candidates)
                    if extra not in rev.depends:
                        rev.depends.append(extra)
            heads.append(rev.id)
            self.revs.append(rev)
        return self.revs


def q(value, quote):
    return quote + value + quote


def py_literal(values, quote, single_as_str=True):
    if not values:
        return "None"
    if len(values) == 1:
        return q(values[0], quote) if single_as_str else "(%s,)" % q(values[0], quote)
    return "(" + ", ".join(q(v, quote) for v in values) + ")"


def python_ops(rng, rev):
    table = "t_" + rev.id
    up = [
        "op.create_table(",
        "    %r," % table,
        "    sa.Column('id', sa.Integer(), nullable=False),",
        "    sa.Column('name', sa.String(length=%d), nullable=True)," % rng.choice([32, 64, 255]),
        "    sa.PrimaryKeyConstraint('id'),",
        ")",
    ]
    down = []
    if rng.random() < 0.5:
        up.append("op.add_column(%r, sa.Column('flag', sa.Boolean(), nullable=True))" % table)
        down.append("op.drop_column(%r, 'flag')" % table)
    if rng.random() < 0.4:
        index = "ix_%s_name" % table
        up.append("op.create_index(%r, %r, ['name'], unique=False)" % (index, table))
        down.append("op.drop_index(%r, table_name=%r)" % (index, table))
    down.reverse()
    down.append("op.drop_table(%r)" % table)
    return up, down


def python_file(rng, rev):
    annotated = rng.random() < 0.4
    autogen = rng.random() < 0.6
    quote = '"' if rng.random() < 0.15 else "'"
    up, down = ([], []) if rev.parents and len(rev.parents) > 1 else python_ops(rng, rev)
    lines = [
        '"""%s' % rev.message,
        "",
        "Revision ID: %s" % rev.id,
        "Revises: %s" % ", ".join(rev.parents),
        "Create Date: %s" % rev.date.isoformat(" "),
        "",
        '"""',
    ]
    if annotated:
        lines += ["from typing import Sequence, Union", ""]
    lines += ["from alembic import op", "import sqlalchemy as sa", "", "",
              "# revision identifiers, used by Alembic."]
    down_rev = py_literal(rev.parents, quote)
    labels = py_literal(rev.labels, quote, single_as_str=rng.random() < 0.5)
    depends = py_literal(rev.depends, quote)
    if annotated:
        lines += [
            "revision: str = %s" % q(rev.id, quote),
            "down_revision: Union[str, Sequence[str], None] = %s" % down_rev,
            "branch_labels: Union[str, Sequence[str], None] = %s" % labels,
            "depends_on: Union[str, Sequence[str], None] = %s" % depends,
        ]
    else:
        lines += [
            "revision = %s" % q(rev.id, quote),
            "down_revision = %s" % down_rev,
            "branch_labels = %s" % labels,
            "depends_on = %s" % depends,
        ]
    ret = " -> None" if annotated or rng.random() < 0.5 else ""

    def body(ops):
        out = []
        if autogen:
            out.append("    # ### commands auto generated by Alembic - please adjust! ###")
        out += ["    " + op for op in ops] if ops else ["    pass"]
        if autogen:
            out.append("    # ### end Alembic commands ###")
        return out

    lines += ["", "", "def upgrade()%s:" % ret] + body(up)
    lines += ["", "", "def downgrade()%s:" % ret] + body(down)
    return "\n".join(lines) + "\n"


def sql_file(rng, rev):
    table = "t_" + rev.id
    lines = ["-- Revision ID: %s" % rev.id, "-- Revises: %s" % ", ".join(rev.parents)]
    if rev.labels:
        lines.append("-- Branch labels: %s" % ", ".join(rev.labels))
    if rev.depends:
        lines.append("-- Depends on: %s" % ", ".join(rev.depends))
    lines += ["-- Create Date: %s" % rev.date.isoformat(" "), "-- Message: %s" % rev.message, ""]
    up, down = [], []
    if len(rev.parents) <= 1:
        up.append("CREATE TABLE %s (id INTEGER PRIMARY KEY, name VARCHAR(%d));"
                  % (table, rng.choice([32, 64, 255])))
        if rng.random() < 0.4:
            up.append("CREATE INDEX ix_%s_name ON %s (name);" % (table, table))
            down.append("DROP INDEX ix_%s_name;" % table)
        down.append("DROP TABLE %s;" % table)
    lines += ["-- +upgrade"] + up + ["", "-- +downgrade"] + down
    return "\n".join(lines) + "\n"


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(args):
    revs = Generator(args).build()
    versions = os.path.join(args.out, "versions")
    os.makedirs(versions, exist_ok=True)
    # A reused directory must not keep files of an earlier run.
    for name in os.listdir(versions):
        if name.endswith((".py", ".sql", ".pyc")):
            os.remove(os.path.join(versions, name))
    shutil.rmtree(os.path.join(versions, "__pycache__"), ignore_errors=True)
    write(os.path.join(args.out, "alembic.ini"), ALEMBIC_INI)
    write(os.path.join(args.out, "env.py"), ENV_PY)
    write(os.path.join(args.out, "script.py.mako"), SCRIPT_MAKO)
    write(os.path.join(args.out, "README"), "Generated by tests/bench/gen_history.py.\n")
    # File contents draw from their own generator so the graph does not depend on the format.
    text_rng = random.Random("%s/text" % args.seed)
    for rev in revs:
        ext = ".sql" if args.format == "sql" else ".py"
        name = "%s_%s%s" % (rev.id, slugify(rev.message), ext)
        content = sql_file(text_rng, rev) if args.format == "sql" else python_file(text_rng, rev)
        write(os.path.join(versions, name), content)
    children = set()
    for rev in revs:
        children.update(rev.parents)
    heads = [r.id for r in revs if r.id not in children]
    # Alembic lists heads in file-load order, which is the sorted file names.
    by_file = sorted(heads)
    manifest = {
        "count": args.count,
        "seed": args.seed,
        "branchiness": args.branchiness,
        "labels": args.labels,
        "depends": args.depends,
        "format": args.format,
        "heads": by_file,
        "bases": [r.id for r in revs if not r.parents],
        "merges": sum(1 for r in revs if len(r.parents) > 1),
        "branch_labels": [label for r in revs for label in r.labels],
        "depends_on": sum(len(r.depends) for r in revs),
    }
    write(os.path.join(args.out, MANIFEST), json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0    ])
    p.add_argument("--count", type=int, required=True, help="number of revisions")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same files)")
    p.add_argument("--branchiness", type=float, default=0.0,
                   help="probability of forking or merging at each revision (0..1)")
    p.add_argument("--labels", action="store_true", help="put branch labels on some branches")
    p.add_argument("--depends", action="store_true", help="give some revisions depends_on")
    p.add_argument("--format", choices=["python", "sql"], default="python")
    p.add_argument("--out", required=True, help="directory to write (created if missing)")
    args = p.parse_args(argv)
    if args.count < 1:
        p.error("--count must be at least 1")
    if not 0.0 <= args.branchiness <= 1.0:
        p.error("--branchiness must be between 0 and 1")
    return args


def main(argv):
    manifest = generate(parse_args(argv))
    print("%d revisions, %d heads: %s" % (manifest["count"], len(manifest["heads"]),
                                          " ".join(manifest["heads"])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
