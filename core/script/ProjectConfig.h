#pragma once

#include "Problem.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace retort {

// What a migrations project is configured to be, as Alembic / Flask-Migrate would see it.
// Paths are absolute. Produced by ProjectConfig::fromDirectory / fromIniFile (or ProjectLocator);
// anything wrong is in problems, each naming the file and line and what to do.
struct ProjectConfig
{
    QString directory; // the project directory that was opened
    QString iniPath; // alembic.ini in use; empty when the project has none
    QString scriptLocation; // directory holding env.py / script.py.mako / versions
    QStringList versionLocations; // directories holding revision files, in configured order
    bool versionLocationsConfigured = false; // false: the default <scriptLocation>/versions
    bool recursiveVersionLocations = false;
    QString fileTemplate = QStringLiteral("%(rev)s_%(slug)s"); // after ini interpolation
    int truncateSlugLength = 40;
    QString timezone; // [alembic] timezone: new revisions' create date in this zone; empty: local time
    QString sqlalchemyUrl; // [alembic] sqlalchemy.url, empty when absent
    QStringList prependSysPath; // [alembic] prepend_sys_path, absolute
    QMap<QString, QString> retort; // the [retort] section (Retort's own settings), interpolated
    Problems problems;

    // True when nothing stops the project from being used (warnings allowed).
    bool isValid() const;

    // Opens DIR: DIR/alembic.ini if present (for a Flask-Migrate project, whose env.py imports
    // Flask, the script location is DIR itself, as Flask-Migrate sets it), else a DIR holding a
    // versions/ folder.
    static ProjectConfig fromDirectory(const QString &directory);
    // Reads an alembic.ini. Relative paths resolve as Alembic run by Retort resolves them: against
    // the ini's directory, or for Flask-Migrate against the application's (the ini's parent).
    static ProjectConfig fromIniFile(const QString &iniPath);
};

} // namespace retort
