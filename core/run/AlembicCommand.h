#pragma once

#include "AlembicAction.h"

#include <QString>
#include <QStringList>

namespace retort {

// One way of running a project's Alembic: the program, the words that come before the Alembic
// verb, and where to run it. Either `flask db` (Flask-Migrate; the verb's options get
// `-d <migrations dir>`) or an `alembic -c <ini>` style command.
struct AlembicCommand
{
    enum class Style { FlaskMigrate, Alembic };
    // Where the candidate came from, in the order they are tried.
    enum class Origin { Configured, Flask, AlembicScript, PythonModule };

    Origin origin = Origin::AlembicScript;
    Style style = Style::Alembic;
    QString program; // absolute path when found on PATH, else as configured
    QStringList prefixArguments; // e.g. {"db"}, {"-c", "/p/alembic.ini"}, {"-m", "alembic", ...}
    QString workingDirectory; // project root: above migrations/ or the ini's directory
    QString migrationsDirectory; // passed as `-d` to Flask-Migrate verbs; empty: not passed
    QString reason; // why this candidate exists, for a person

    // Full argument list for one action: prefix, verb, options, `-d DIR` for Flask-Migrate, and
    // the targets (after "--" when one starts with '-', such as "-1").
    QStringList argumentsFor(const AlembicAction &action) const;
    // program + prefix, shell-quoted, with URL passwords masked.
    QString displayString() const;
    // program + argumentsFor(action), shell-quoted, with URL passwords masked.
    QString displayString(const AlembicAction &action) const;
    // The value to put in the [retort] section to always use this command, e.g.
    // "alembic_command = /usr/bin/flask db".
    QString configLine() const;

    static QString originName(Origin origin);
};

} // namespace retort
