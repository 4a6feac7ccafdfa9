#pragma once

#include "db/DbError.h"
#include "graph/GraphError.h"

#include <QString>

#include <optional>

namespace retort {

// Why a migration run stopped, with everything a person needs to act: the revision, the file and
// line of the failing statement, the statement, the database's own words and what to do next.
struct RunError
{
    ErrorKind kind = ErrorKind::StatementFailed;
    QString message; // one sentence: what went wrong and what to do
    QString revision;
    QString path; // script file
    int line = 0; // line of the failing statement in that file
    QString statement;
    QString databaseMessage;
    QString target; // the database, password masked

    // The fields most errors set; the rest stay empty for the caller to add.
    static RunError make(ErrorKind kind, QString message, QString revision = {}, QString path = {}, int line = 0);
    // `kind` replaces the database error's own kind when given.
    static RunError fromDb(const DbError &error, std::optional<ErrorKind> kind = {});
    static RunError fromGraph(const GraphError &error);
    QString kindName() const { return errorKindName(kind); }
    // "path:line: message", then the statement and what the database said on their own lines.
    QString toString() const;
};

// A value or the RunError explaining why there is none: what commands return.
template <typename T>
using RunResult = Expected<T, RunError>;

} // namespace retort
