#!/usr/bin/python3
"""Prints, as JSON, how Alembic itself reads a project's revision files.

    alembic_dump.py ALEMBIC_INI

One object per revision, sorted by file path (Alembic 1.8 lists directories unsorted):
{"path", "id", "down", "labels", "depends", "doc"}. Used by tst_alembicinterop.
"""
import json
import sys

from alembic.config import Config
from alembic.script import ScriptDirectory


def as_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def main():
    script = ScriptDirectory.from_config(Config(sys.argv[1]))
    out = []
    for rev in script.walk_revisions():
        out.append({
            "path": rev.path,
            "id": rev.revision,
            "down": as_list(rev.module.down_revision),
            "labels": as_list(getattr(rev.module, "branch_labels", None)),
            "depends": as_list(getattr(rev.module, "depends_on", None)),
            "doc": rev.doc,
        })
    out.sort(key=lambda r: r["path"])
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
