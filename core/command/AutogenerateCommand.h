#pragma once

#include "command/ProjectSnapshot.h"
#include "run/RunError.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// What `migrate` (flask db migrate / alembic revision --autogenerate) is asked to do.
struct AutogenerateRequest
{
    std::optional<QString> message; // -m
    QString revId; // --rev-id; empty -> a new random 12-hex id
    QString urlOption; // --url: the database the models are compared with
};

struct AutogenerateOutcome
{
    QString revision; // empty when nothing was written
    QString path; // absolute; empty when nothing was written
    QStringList parents;
    QString commandLine; // what ran, passwords masked
    QStringList output; // what it printed, masked
};

// Whether autogenerate can run for this project: empty when it can, otherwise why not (a native
// project, no script.py.mako, an unreadable graph).
QString autogenerateUnavailableReason(const ProjectSnapshot &project);

// Runs the project's own autogenerate through the same runner as Python upgrades, with the
// database URL in DATABASE_URL only, and reads back the revision it wrote. The id is ours, so
// the file is found whatever the template names it.
RunResult<AutogenerateOutcome> autogenerateCommand(const ProjectSnapshot &project, const AutogenerateRequest &request,
                                                   const QString &workingDirectory);

} // namespace retort
