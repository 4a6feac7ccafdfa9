#pragma once

#include "authoring/ProjectTemplates.h"
#include "run/RunError.h"

#include <QString>
#include <QStringList>

namespace retort {

// What `init` is asked to create.
struct InitRequest
{
    QString directory; // the new project's directory; relative to the working directory
    ProjectTemplate kind = ProjectTemplate::Flask;
};

struct InitOutcome
{
    QString directory; // absolute
    QStringList created; // absolute paths, directories and files, in creation order
};

// Creates a migrations project in directory: alembic.ini (script_location = %(here)s), versions/
// and, for Python, env.py, script.py.mako and README. Refuses a directory that exists and is
// not empty (Alembic's "Directory ... already exists and is not empty"); nothing is left behind
// when writing fails half-way.
RunResult<InitOutcome> initCommand(const InitRequest &request, const QString &workingDirectory);

} // namespace retort
