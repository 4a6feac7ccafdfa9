"""Runs Debian's Alembic against a database for the version-table tests.

A request is one JSON object:
  {"url": SQLAlchemy URL, "table": str, "schema": str|null, "pk": bool,
   "actions": [{"do": "create"} | {"do": "heads"} | {"do": "apply", "ops": [[kind, from, to], ...]}
               | {"do": "quote", "dialect": "sqlite"|"postgresql", "names": [...]}]}
and its answer is {"results": [...], "error": null | {"type": ..., "message": ...}}; a request
that could not be carried out at all (bad URL, server gone) answers {"failure": traceback}.
Each request runs in one transaction on a connection of its own, committed when every action
succeeded, and the connection is closed before answering (so the test may drop the database).
Version-table changes go through Alembic's own HeadMaintainer, as an upgrade would make them.

Without arguments one request is read from stdin and answered on stdout. With --serve, requests
and answers are JSON lines, one after the other until stdin closes: a test keeps one process for
all its requests, because starting Python with SQLAlchemy and Alembic costs far more than a request.
"""
import json
import sys
import traceback

import sqlalchemy as sa
from alembic.runtime.migration import HeadMaintainer, MigrationContext
from sqlalchemy.pool import NullPool


def quote(dialect, names):
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import dialect as d
    else:
        from sqlalchemy.dialects.postgresql import dialect as d
    preparer = d().identifier_preparer
    return [preparer.quote(n) for n in names]


def perform(ctx, action):
    if action["do"] == "create":
        ctx._ensure_version_table()
        return None
    if action["do"] == "heads":
        return list(ctx.get_current_heads())
    if action["do"] == "apply":
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
        return None
    if action["do"] == "quote":
        return quote(action["dialect"], action["names"])
    raise ValueError("unknown action %r" % action["do"])


def answer(request):
    actions = request["actions"]
    if all(a["do"] == "quote" for a in actions):
        return {"results": [quote(a["dialect"], a["names"]) for a in actions], "error": None}
    # No pool: nothing stays connected between requests.
    engine = sa.create_engine(request["url"], poolclass=NullPool)
    opts = {"version_table": request.get("table") or "alembic_version",
            "version_table_schema": request.get("schema") or None,
            "version_table_pk": request.get("pk", True)}
    results = []
    error = None
    try:
        with engine.connect() as conn:
            trans = conn.begin()
            ctx = MigrationContext.configure(conn, opts=opts)
            try:
                for action in actions:
                    results.append(perform(ctx, action))
                trans.commit()
            except Exception as e:  # reported to the test, which compares it with ours
                trans.rollback()
                error = {"type": type(e).__name__, "message": str(e).split("\n")[0]}
    finally:
        engine.dispose()
    return {"results": results, "error": error}


def serve():
    while True:
        line = sys.stdin.readline()
        if not line:
            return
        if not line.strip():
            continue
        try:
            reply = answer(json.loads(line))
        except Exception:  # the request itself failed: say so and wait for the next one
            reply = {"failure": traceback.format_exc()}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


def main():
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        print(json.dumps(answer(json.load(sys.stdin))))


main()
