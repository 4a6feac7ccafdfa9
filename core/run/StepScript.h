#pragma once

#include "RunError.h"
#include "db/SqlDialect.h"
#include "db/SqlStatement.h"
#include "graph/Plan.h"
#include "graph/Revision.h"

#include <QByteArray>
#include <QList>
#include <optional>
#include <variant>

namespace retort {

// The statements one native SQL step runs on one dialect, each with its line in the file, and
// the script's checksum for the journal. Read from disk when the step is about to run, so what
// runs is what the file says now.
struct StepScript
{
    QString path;
    QList<SqlStatement> statements; // lines are file lines
    QByteArray sha256; // hex digest of the whole file
    bool transactional = true;

    static RunResult<StepScript> load(const Revision &revision, PlanStep::Direction direction, SqlDialect dialect);
    // Every statement only changes rows (isDataStatement), or there are none: the schema changed
    // only if a function of the database's own ran DDL.
    bool onlyDataStatements(SqlDialect dialect) const;
};

} // namespace retort
