"""Runs Debian's Alembic against a database for the version-table tests.

Reads one JSON request on stdin:
  {"url": SQLAlchemy URL, "table": str, "schema": str|null, "pk": bool,
   "actions": [{"do": "create"} | {"do": "heads"} | {"do": "apply", "ops": [[kind, from, to], ...]}
               | {"do": "quote", "dialect": "sqlite"|"postgresql", "names": [...]}]}
and prints {"results": [...], "error": null | {"type": ..., "message": ...}} as JSON.
Everything runs in one transaction, committed when every action succeeded.
Version-table changes go through Alembic's own HeadMaintainer, as an upgrade would make them.
"""
import json
import sys

import sqlalchemy as sa
from alembic.runtime.migration import HeadMaintainer, MigrationContext


def quote(dialect, names):
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import dialect as d
    else:
        from sqlalchemy.dialects.postgresql import dialect as d
    preparer = d().identifier_preparer
    return [preparer.quote(n) for n in names]


def main():
    request = json.load(sys.stdin)
    results = []
    actions = request["actions"]
    if all(a["do"] == "quote" for a in actions):
        print(json.dumps({"results": [quote(a["dialect"], a["names"]) for a in actions], "error": None}))
        return
    engine = sa.create_engine(request["url"])
    opts = {"version_table": request.get("table") or "alembic_version",
            "version_table_schema": request.get("schema") or None,
            "version_table_pk": request.get("pk", True)}
    error = None
    with engine.connect() as conn:
        trans = conn.begin()
        ctx = MigrationContext.configure(conn, opts=opts)
        try:
            for action in actions:
                if action["do"] == "create":
                    ctx._ensure_version_table()
                    results.append(None)
                elif action["do"] == "heads":
                    results.append(list(ctx.get_current_heads()))
                elif action["do"] == "apply":
                    maintainer = HeadMaintainer(ctx, ctx.get_current_heads())
                    for kind, from_, to in action["ops"]:
                        # Believe the plan, as an upgrade computed from stale heads would, so
                        # that the row counts are checked against the table itself.
                        if from_ is not None:
                            maintainer.heads.add(from_)
                        if to is not None:
                            maintainer.heads.discard(to)
                        if kind == "insert":
                            maintainer._insert_version(to)
                        elif kind == "update":
                            maintainer._update_version(from_, to)
                        else:
                            maintainer._delete_version(from_)
                    results.append(None)
                elif action["do"] == "quote":
                    results.append(quote(action["dialect"], action["names"]))
            trans.commit()
        except Exception as e:  # reported to the test, which compares it with ours
            trans.rollback()
            error = {"type": type(e).__name__, "message": str(e).split("\n")[0]}
    print(json.dumps({"results": results, "error": error}))


main()
