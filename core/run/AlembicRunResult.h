#pragma once

#include "AlembicStep.h"
#include "Problem.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

// What running one Alembic action as a child process came to.
struct AlembicRunResult
{
    enum class Status { Succeeded, Failed, Crashed, Cancelled, TimedOut, FailedToStart, Invalid };

    Status status = Status::Invalid;
    int exitCode = -1;
    bool crashed = false; // the child died from a signal (including our terminate/kill)

    QString program; // exactly what was started (never holds the database URL)
    QStringList arguments;
    QString commandLine; // program + arguments for people, URL passwords masked
    QString workingDirectory;

    QList<AlembicStep> steps; // steps Alembic announced, in order
    QString exceptionLine; // last exception line of a Python traceback
    QString errorLine; // FAILED: / Error: line when there was no traceback
    QString failedRevision; // the revision that was running when it went wrong
    QString scriptPath; // revision file and line from the traceback, when known
    int scriptLine = 0;

    QString standardOutput; // stdout text (the SQL in offline mode, the heads for `heads`)
    QStringList output; // every line of stdout and stderr, masked, in arrival order
    qint64 elapsedMs = 0;
    QString message; // for FailedToStart / Invalid / TimedOut: what happened

    bool succeeded() const { return status == Status::Succeeded; }
    // One line for a person: what failed, where, and the error.
    QString summary() const;
    // summary() as a Problem (kind "AlembicFailed", "AlembicCancelled", ...).
    Problem toProblem() const;
    static QString statusName(Status status);
};

} // namespace retort
