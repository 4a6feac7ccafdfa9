#pragma once

#include "AlembicCommand.h"
#include "AlembicProjectFacts.h"
#include "Problem.h"

#include <QList>
#include <QProcessEnvironment>

namespace retort {

struct ProjectConfig;

struct AlembicCandidateList
{
    QList<AlembicCommand> commands; // in the order they should be tried
    Problems problems; // e.g. a configured command that cannot be split
};

// The commands that might run a project's Alembic, most specific first:
//   1. [retort] alembic_command, when configured;
//   2. `flask db` (each flask on PATH, then `<python> -m flask db`) when a Flask app is indicated;
//   3. `alembic -c <ini>` (each alembic on PATH);
//   4. `<python> -m alembic -c <ini>` (each python3 on PATH, then /usr/bin/python3).
// A configured command is used alone: a person chose it, silently running something else would
// hide their mistake.
class AlembicCandidates
{
public:
    static AlembicCandidateList build(const AlembicProjectFacts &facts);
    // Reads the facts: config values, FLASK_APP and PATH from env, app.py / wsgi.py / app/
    // next to the migrations directory, executables on PATH. extraPythons are tried after the
    // python3 found on PATH (by default the system interpreter, where distribution packages
    // install alembic even when PATH leads to a pyenv or venv Python without it).
    static AlembicProjectFacts gather(const ProjectConfig &config, const QProcessEnvironment &env,
                                      const QStringList &extraPythons = defaultExtraPythons());
    static QStringList defaultExtraPythons() { return {QStringLiteral("/usr/bin/python3")}; }
    // Every executable called name in the directories of path (a PATH value), in order,
    // skipping ones that resolve to a file already listed.
    static QStringList findOnPath(const QString &name, const QString &path);
    // True when a configured command line runs Flask-Migrate (`... flask ... db`).
    static bool looksLikeFlask(const QStringList &words);
};

} // namespace retort
