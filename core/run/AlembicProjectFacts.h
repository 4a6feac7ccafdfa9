#pragma once

#include <QString>
#include <QStringList>

namespace retort {

struct ProjectConfig;

// What decides how a project's Alembic can be run, gathered from its configuration, the
// environment and the file system (AlembicCandidates::gather) so that the choice itself
// (AlembicCandidates::build) is a pure function that tests can feed directly.
struct AlembicProjectFacts
{
    QString configuredCommand; // [retort] alembic_command as written; empty when not set
    QString configSource; // the file holding it (for messages), usually the alembic.ini
    QString iniPath; // alembic.ini; empty when the project has none
    QString scriptLocation; // the migrations directory (env.py, versions/)
    bool flaskMigrateLayout = false; // alembic.ini inside the migrations directory
    QString flaskAppHint; // why a Flask app is assumed; empty when nothing says so
    QStringList flaskPrograms; // every `flask` on PATH, PATH order, duplicates removed
    QStringList alembicPrograms; // every `alembic` on PATH
    QStringList pythonPrograms; // every `python3` on PATH, then /usr/bin/python3

    // The project root: the directory above migrations/ (Flask-Migrate) or the ini's directory.
    QString projectRoot() const;
};

} // namespace retort
