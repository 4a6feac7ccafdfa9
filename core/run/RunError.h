#pragma once

#include "db/DbError.h"
#include "graph/GraphError.h"

#include <QString>

namespace retort {

// Why a migration run stopped, with everything a person needs to act: the revision, the file and
// line of the failing statement, the statement, the database's own words and what to do next.
struct RunError
{
    QString kind; // "StatementFailed", "Busy", "Conflict", "AlembicFailed", ...
    QString message; // one sentence: what went wrong and what to do
    QString revision;
    QString path; // script file
    int line = 0; // line of the failing statement in that file
    QString statement;
    QString databaseMessage;
    QString target; // the database, password masked

    // The fields most errors set; the rest stay empty for the caller to add.
    static RunError make(QString kind, QString message, QString revision = {}, QString path = {}, int line = 0);
    static RunError fromDb(const DbError &error, QString kind = {});
    static RunError fromGraph(const GraphError &error);
    // "path:line: message", then the statement and what the database said on their own lines.
    QString toString() const;
};

} // namespace retort
