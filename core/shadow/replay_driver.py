"""Retort's shadow replay driver: runs a project's own Alembic (or Flask-Migrate) one revision at
a time, in one long-lived process, against shadow databases that Retort names per request.

Started as `python3 replay_driver.py --flask [--directory DIR] [--app NAME]` or
`python3 replay_driver.py --alembic --ini INI [--name SECTION] [--x ARG]... [--cwd-path]`.
Requests are JSON lines on stdin:
    {"id": 1, "do": "upgrade" | "downgrade" | "stamp", "revision": "ab12cd34ef56", "url": "sqlite:////s/1.db"}
    {"id": 2, "do": "stop"}
Answers are JSON lines on the process's original stdout, which nothing else may write to (fd 1
is pointed at stderr before the project is imported):
    {"ready": true, "alembic": "1.8.1"}              once the project is loaded
    {"startFailure": {"message": ..., "traceback": ...}}   when it could not be loaded
    {"id": 1, "ok": true}
    {"id": 1, "ok": false, "error": {"type", "message", "file", "line", "traceback"}}

Safety: every connection is checked against the URL of the current request, before it is made
and once it is open, and refused otherwise, so a project that ignores DATABASE_URL fails the step
instead of touching another database. Pools are NullPool: nothing stays connected between steps.
"""
import json
import os
import sys
import traceback

PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)  # print() of the project (and of C code) lands on stderr
sys.stdout = sys.stderr

# What DATABASE_URL holds while the project loads: apps read it once, at import; engines made from
# it are re-pointed at each request's URL. Never connected to (no request is current then).
PLACEHOLDER_FILE = "/nonexistent/retort-shadow-placeholder.db"
PLACEHOLDER_URL = "sqlite:///" + PLACEHOLDER_FILE


class RefusedConnection(Exception):
    pass


class Current:
    url = None  # sqlalchemy URL of the request being served; None between requests
    shown = ""  # the same without password, for messages


def send(obj):
    PROTOCOL.write(json.dumps(obj) + "\n")
    PROTOCOL.flush()


def refuse(what):
    where = ("only its shadow database " + Current.shown) if Current.url is not None \
        else "no database (no step is running)"
    raise RefusedConnection(
        "Retort refused a connection to %s: this step may use %s. The project must take its "
        "database URL from the DATABASE_URL environment variable" % (what, where))


def same_file(a, b):
    return os.path.realpath(a) == os.path.realpath(b)


def sqlite_file(database, uri=False):
    if database is None:
        return ""
    database = str(database)
    if uri or database.startswith("file:"):
        database = database[5:] if database.startswith("file:") else database
        database = database.split("?", 1)[0]
    return database


def check_sqlite(path):
    if Current.url is None or Current.url.get_backend_name() != "sqlite":
        refuse("the SQLite file " + (path or ":memory:"))
    expected = sqlite_file(Current.url.database)
    if not path or path == ":memory:" or not expected or not same_file(path, expected):
        refuse("the SQLite file " + (path or ":memory:"))


def check_postgres(host, port, dbname):
    url = Current.url
    shown = "%s:%s/%s" % (host or "", port or "", dbname or "")
    if url is None or url.get_backend_name() != "postgresql":
        refuse("PostgreSQL " + shown)
    want_port = int(url.port or 5432)
    if str(dbname) != str(url.database) or int(port or 5432) != want_port:
        refuse("PostgreSQL " + shown)
    if url.host and host and host != url.host:
        refuse("PostgreSQL " + shown)


def install_guards():
    import sqlite3
    import sqlalchemy
    import sqlalchemy.engine
    import sqlalchemy.engine.create
    import sqlalchemy.event
    import sqlalchemy.pool
    from sqlalchemy.engine import make_url

    # Raw sqlite3 (SQLAlchemy's pysqlite calls sqlite3.dbapi2.connect too): checked before the
    # file is opened, because opening creates it.
    real_sqlite_connect = sqlite3.dbapi2.connect

    def guarded_sqlite_connect(database, *args, **kwargs):
        path = sqlite_file(database, kwargs.get("uri", False))
        if path not in ("", ":memory:"):  # a private in-memory database touches nobody's data
            check_sqlite(path)
        return real_sqlite_connect(database, *args, **kwargs)

    sqlite3.connect = sqlite3.dbapi2.connect = guarded_sqlite_connect

    def before_connect(dialect, conn_rec, cargs, cparams):
        if dialect.name == "sqlite":
            check_sqlite(sqlite_file(cargs[0] if cargs else cparams.get("database"), cparams.get("uri", False)))
        elif dialect.name == "postgresql":
            check_postgres(cparams.get("host"), cparams.get("port"), cparams.get("dbname") or cparams.get("database"))
        else:
            refuse("a %s database (shadow databases are SQLite or PostgreSQL)" % dialect.name)

    def after_connect(dbapi_conn, record):
        try:
            cur = dbapi_conn.cursor()
            try:
                if Current.url is not None and Current.url.get_backend_name() == "sqlite":
                    cur.execute("PRAGMA database_list")
                    main = [row[2] for row in cur.fetchall() if row[1] == "main"]
                    check_sqlite(main[0] if main else "")
                elif Current.url is not None and Current.url.get_backend_name() == "postgresql":
                    cur.execute("SELECT current_database(), inet_server_port()")
                    dbname, port = cur.fetchone()
                    info = getattr(dbapi_conn, "info", None)
                    host = getattr(info, "host", None)
                    if host and host.startswith("/"):
                        host = None  # a socket directory: the URL names no such host
                    check_postgres(host, port or getattr(info, "port", None), dbname)
                else:
                    refuse("a database")
            finally:
                cur.close()
        except Exception:
            dbapi_conn.close()
            raise

    sqlalchemy.event.listen(sqlalchemy.engine.Engine, "do_connect", before_connect)
    sqlalchemy.event.listen(sqlalchemy.pool.Pool, "connect", after_connect)

    # Engines made from DATABASE_URL while the project loads (Flask-SQLAlchemy makes its engine in
    # init_app) are re-pointed at each request's URL; every engine gets NullPool.
    real_create_engine = sqlalchemy.engine.create.create_engine
    placeholder_engines = []

    def create_engine(url, **kwargs):
        kwargs["poolclass"] = sqlalchemy.pool.NullPool
        for key in ("pool_size", "max_overflow", "pool_timeout", "pool_recycle", "pool_use_lifo"):
            kwargs.pop(key, None)
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and sqlite_file(parsed.database) == PLACEHOLDER_FILE:
            engine = real_create_engine(Current.url if Current.url is not None else url, **kwargs)
            placeholder_engines.append((engine, kwargs))
            return engine
        return real_create_engine(url, **kwargs)

    sqlalchemy.create_engine = sqlalchemy.engine.create_engine = create_engine
    sqlalchemy.engine.create.create_engine = create_engine

    def repoint(url):
        for engine, kwargs in placeholder_engines:
            if engine.url == url:
                continue
            fresh = real_create_engine(url, **kwargs)
            engine.dispose()
            engine.pool, engine.dialect, engine.url = fresh.pool, fresh.dialect, fresh.url
            engine._compiled_cache = fresh._compiled_cache

    return make_url, repoint


def innermost_version_frame(tb):
    found = None
    for frame in traceback.extract_tb(tb):
        if "%sversions%s" % (os.sep, os.sep) in frame.filename:
            found = frame
    return found


def describe(exc):
    message = str(exc).split("\n(Background on this error")[0].strip() or type(exc).__name__
    error = {"type": type(exc).__name__, "message": message,
             "traceback": "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))}
    frame = innermost_version_frame(exc.__traceback__)
    if frame is not None:
        error["file"], error["line"] = frame.filename, frame.lineno
    return error


def parse_args(argv):
    opts = {"style": None, "directory": None, "app": None, "ini": None, "name": "alembic", "x": [],
            "cwd_path": False}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--flask", "--alembic"):
            opts["style"] = a[2:]
        elif a == "--cwd-path":
            opts["cwd_path"] = True
        elif a in ("--directory", "--app", "--ini", "--name"):
            i += 1
            opts[a[2:]] = argv[i]
        elif a == "--x":
            i += 1
            opts["x"].append(argv[i])
        i += 1
    return opts


def cache_script_directories():
    # Alembic reads every revision file on each command; one replay reads them once.
    from alembic.script import ScriptDirectory
    real = ScriptDirectory.from_config.__func__
    cache = {}

    def from_config(cls, config):
        key = (config.get_main_option("script_location"), config.get_main_option("version_locations"))
        if key not in cache:
            cache[key] = real(cls, config)
        return cache[key]

    ScriptDirectory.from_config = classmethod(from_config)


def load(opts):
    """Returns run(verb, revision): the project's Alembic, loaded once."""
    import alembic.command
    from argparse import Namespace

    if opts["style"] == "flask":
        from flask.cli import ScriptInfo
        try:
            from flask.cli import load_dotenv
            load_dotenv()  # as the flask command does; it never overrides DATABASE_URL
        except ImportError:
            pass
        app = ScriptInfo(app_import_path=opts["app"]).load_app()
        with app.app_context():
            if "migrate" not in app.extensions:
                raise RuntimeError("the Flask app %r has no Flask-Migrate (Migrate(app, db))" % app.name)

        def run(verb, revision):
            with app.app_context():
                # flask_migrate.upgrade/stamp without its catch_errors, which turns an error into
                # sys.exit(1) and a log line: the same config, the exception kept.
                config = app.extensions["migrate"].migrate.get_config(opts["directory"])
                do(alembic.command, config, verb, revision)
        return run

    from alembic.config import Config
    cmd_opts = Namespace(x=opts["x"] or None, config=opts["ini"], name=opts["name"])
    if not os.path.isfile(opts["ini"] or ""):
        raise RuntimeError("the Alembic configuration file %r does not exist" % opts["ini"])

    def run(verb, revision):
        config = Config(opts["ini"], ini_section=opts["name"], cmd_opts=cmd_opts)
        config.set_main_option("sqlalchemy.url", str(Current.url).replace("%", "%%"))
        do(alembic.command, config, verb, revision)
    return run


def downgrade_target(config, revision):
    """Where `downgrade` of exactly this revision goes: its first parent (down_revision, then
    dependencies), so that only the revision itself is undone and every parent stays applied."""
    from alembic.script import ScriptDirectory
    script = ScriptDirectory.from_config(config)
    rev = script.get_revision(revision)
    if rev is None:
        raise RuntimeError("no revision %r in the project" % revision)
    parents = list(rev._all_down_revisions)
    return parents[0] if parents else "base"


def do(command, config, verb, revision):
    if verb == "upgrade":
        command.upgrade(config, revision)
    elif verb == "downgrade":
        command.downgrade(config, downgrade_target(config, revision))
    elif revision:
        command.stamp(config, revision)
    else:
        command.stamp(config, "base", purge=True)


def main():
    opts = parse_args(sys.argv[1:])
    if opts["cwd_path"]:
        sys.path[0] = os.getcwd()  # as `python3 -m alembic` has it
    else:
        del sys.path[0]  # this file's temporary directory, never the project's
    os.environ["DATABASE_URL"] = PLACEHOLDER_URL
    try:
        make_url, repoint = install_guards()
        cache_script_directories()
        run = load(opts)
        import alembic
    except BaseException as exc:  # SystemExit from a project that exits while loading, too
        send({"startFailure": describe(exc)})
        return 1
    send({"ready": True, "alembic": getattr(alembic, "__version__", "")})

    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        if request.get("do") == "stop":
            break
        try:
            Current.url = make_url(request["url"])
            Current.shown = Current.url.render_as_string(hide_password=True) \
                if hasattr(Current.url, "render_as_string") else repr(Current.url)
            os.environ["DATABASE_URL"] = request["url"]
            repoint(Current.url)
            run(request["do"], request.get("revision") or "")
            reply = {"id": request.get("id"), "ok": True}
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            reply = {"id": request.get("id"), "ok": False, "error": describe(exc)}
        finally:
            Current.url = None
            os.environ["DATABASE_URL"] = PLACEHOLDER_URL
        send(reply)
    return 0


sys.exit(main())
