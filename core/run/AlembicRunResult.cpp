#include "AlembicRunResult.h"

#include "RunSummary.h"

using namespace Qt::StringLiterals;

namespace retort {

QString AlembicRunResult::statusName(Status s)
{
    switch (s) {
    case Status::Succeeded:
        return u"Succeeded"_s;
    case Status::Failed:
        return u"Failed"_s;
    case Status::Crashed:
        return u"Crashed"_s;
    case Status::Cancelled:
        return u"Cancelled"_s;
    case Status::TimedOut:
        return u"TimedOut"_s;
    case Status::FailedToStart:
        return u"FailedToStart"_s;
    case Status::Invalid:
        return u"Invalid"_s;
    }
    return {};
}

QString AlembicRunResult::summary() const
{
    QString where;
    if (!failedRevision.isEmpty())
        where = u" while running revision "_s + failedRevision;
    if (!scriptPath.isEmpty())
        where += u" (%1:%2)"_s.arg(scriptPath).arg(scriptLine);

    switch (status) {
    case Status::Succeeded:
        return u"%1 finished: %2"_s.arg(commandLine, stepCount(steps.size()));
    case Status::Cancelled:
        return u"cancelled"_s + where;
    case Status::TimedOut:
        return u"timed out"_s + where + (message.isEmpty() ? QString() : u": "_s + message);
    case Status::FailedToStart:
    case Status::Invalid:
        return message;
    case Status::Failed:
    case Status::Crashed: {
        QString error = !exceptionLine.isEmpty() ? exceptionLine
            : !errorLine.isEmpty()               ? errorLine
            : !output.isEmpty()                  ? output.last()
                                                 : QString();
        const QString how = status == Status::Crashed ? u"crashed"_s : u"exited with code %1"_s.arg(exitCode);
        return how + where + (error.isEmpty() ? QString() : u": "_s + error);
    }
    }
    return {};
}

Problem AlembicRunResult::toProblem() const
{
    Problem p;
    p.severity = succeeded() ? Problem::Severity::Warning : Problem::Severity::Error;
    p.kind = u"Alembic"_s + statusName(status);
    p.path = scriptPath;
    p.line = scriptLine;
    p.revision = failedRevision;
    p.message = summary();
    return p;
}

} // namespace retort
