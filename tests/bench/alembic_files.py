"""The text of the Alembic project files the benchmark generators write (gen_history.py,
gen_apply.py): one logging setup and one env.py skeleton, so both projects behave alike."""

LOGGING_INI = """\
[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = %(alembic_level)s
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %%(levelname)-5.5s [%%(name)s] %%(message)s
datefmt = %%H:%%M:%%S
"""


def alembic_ini(comment, options, alembic_level="WARN"):
    """alembic.ini: `comment` (lines without '#'), the [alembic] section's `options` (lines of
    "key = value") and the logging sections, Alembic's own messages at `alembic_level`."""
    head = "".join("# %s\n" % line for line in comment.splitlines())
    return (head + "\n[alembic]\n" + "".join(line + "\n" for line in options) + "\n"
            + LOGGING_INI % {"alembic_level": alembic_level})


def env_py(imports, body):
    """env.py: the `imports` (SQLAlchemy's), then the Alembic context and its logging
    configuration, then `body` (the run functions and the call that picks one)."""
    return (imports + "\nfrom alembic import context\n\nconfig = context.config\n\n"
            "if config.config_file_name is not None:\n"
            "    fileConfig(config.config_file_name)\n" + body)
