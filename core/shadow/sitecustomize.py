"""Retort's connection guard for Python processes that run on a database copy (a rehearsal).

Python imports `sitecustomize` at start-up from the first sys.path entry that has one; Retort puts
this file's folder first on PYTHONPATH, so every Python process the project's Alembic command
starts loads it. Connections made through sqlite3 or SQLAlchemy are checked against
RETORT_GUARD_URL (the copy's URL) before they are made and once they are open, and refused
otherwise: a project whose env.py ignores DATABASE_URL fails the step instead of touching the
person's database. The interpreter's own sitecustomize, if any, is loaded afterwards.
"""
import os
import sys

ALLOWED = os.environ.get("RETORT_GUARD_URL", "")


class RefusedConnection(Exception):
    pass


def _shown(url):
    try:
        return url.render_as_string(hide_password=True)
    except Exception:
        return "the database copy"


def _refuse(what, allowed):
    raise RefusedConnection(
        "Retort refused a connection to %s during a rehearsal: only the copy %s may be used. The "
        "project must take its database URL from the DATABASE_URL environment variable"
        % (what, _shown(allowed) if allowed is not None else "(none)"))


def _sqlite_file(database, uri=False):
    if database is None:
        return ""
    database = str(database)
    if uri or database.startswith("file:"):
        database = database[5:] if database.startswith("file:") else database
        database = database.split("?", 1)[0]
    return database


def _install():
    import sqlite3

    allowed = None
    try:
        from sqlalchemy.engine import make_url
        allowed = make_url(ALLOWED)
    except ImportError:
        make_url = None

    backend = allowed.get_backend_name() if allowed is not None else \
        ("sqlite" if ALLOWED.startswith("sqlite") else "")
    allowed_file = _sqlite_file(allowed.database) if allowed is not None and backend == "sqlite" else \
        (ALLOWED.split(":///", 1)[1] if backend == "sqlite" and ":///" in ALLOWED else "")

    def check_sqlite(path):
        if backend != "sqlite" or not path or path == ":memory:" or not allowed_file \
                or os.path.realpath(path) != os.path.realpath(allowed_file):
            _refuse("the SQLite file " + (path or ":memory:"), allowed)

    def check_postgres(host, port, dbname):
        shown = "%s:%s/%s" % (host or "", port or "", dbname or "")
        if allowed is None or backend != "postgresql":
            _refuse("PostgreSQL " + shown, allowed)
        if str(dbname) != str(allowed.database) or int(port or 5432) != int(allowed.port or 5432):
            _refuse("PostgreSQL " + shown, allowed)
        if allowed.host and host and host != allowed.host:
            _refuse("PostgreSQL " + shown, allowed)

    real_connect = sqlite3.dbapi2.connect

    def guarded_connect(database, *args, **kwargs):
        path = _sqlite_file(database, kwargs.get("uri", False))
        if path not in ("", ":memory:"):  # a private in-memory database touches nobody's data
            check_sqlite(path)
        return real_connect(database, *args, **kwargs)

    sqlite3.connect = sqlite3.dbapi2.connect = guarded_connect
    if make_url is None:
        return

    import sqlalchemy.event
    import sqlalchemy.pool
    from sqlalchemy.engine import Engine

    def before_connect(dialect, conn_rec, cargs, cparams):
        if dialect.name == "sqlite":
            check_sqlite(_sqlite_file(cargs[0] if cargs else cparams.get("database"), cparams.get("uri", False)))
        elif dialect.name == "postgresql":
            check_postgres(cparams.get("host"), cparams.get("port"), cparams.get("dbname") or cparams.get("database"))
        else:
            _refuse("a %s database" % dialect.name, allowed)

    def after_connect(dbapi_conn, record):
        try:
            cur = dbapi_conn.cursor()
            try:
                if backend == "sqlite":
                    cur.execute("PRAGMA database_list")
                    main = [row[2] for row in cur.fetchall() if row[1] == "main"]
                    check_sqlite(main[0] if main else "")
                elif backend == "postgresql":
                    cur.execute("SELECT current_database(), inet_server_port()")
                    dbname, port = cur.fetchone()
                    info = getattr(dbapi_conn, "info", None)
                    host = getattr(info, "host", None)
                    if host and host.startswith("/"):
                        host = None  # a socket directory: the URL names no such host
                    check_postgres(host, port or getattr(info, "port", None), dbname)
                else:
                    _refuse("a database", allowed)
            finally:
                cur.close()
        except Exception:
            dbapi_conn.close()
            raise

    sqlalchemy.event.listen(Engine, "do_connect", before_connect)
    sqlalchemy.event.listen(sqlalchemy.pool.Pool, "connect", after_connect)


def _chain():
    # The interpreter's own sitecustomize (Debian ships one), found past this file's folder.
    here = os.path.dirname(os.path.abspath(__file__))
    module = sys.modules.pop("sitecustomize", None)
    saved = sys.path[:]
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    try:
        import importlib
        importlib.import_module("sitecustomize")
    except ImportError:
        pass
    finally:
        sys.path[:] = saved
        sys.modules["sitecustomize"] = module


if ALLOWED:
    _install()
_chain()
